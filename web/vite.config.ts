/// <reference types="vitest/config" />
import { defineConfig, type ProxyOptions } from 'vite'

// Same-origin API in development: the Rust API listens on 127.0.0.1:5000. When it is down, answer
// 503 like nginx in production does (Vite's default would be a 500), so the UI shows the same
// "server not available" state.
const apiProxy: ProxyOptions = {
  target: 'http://127.0.0.1:5000',
  changeOrigin: false,
  configure(proxy) {
    proxy.on('error', (_err, _req, res) => {
      if ('writeHead' in res && !res.headersSent && !res.writableEnded) {
        res.writeHead(503, { 'Content-Type': 'text/plain' }).end('API not reachable (dev proxy)')
      }
    })
  },
}

// No @vitejs/plugin-react: esbuild compiles TSX with the automatic JSX runtime.
// (Cost: no React Fast Refresh in `npm run dev`; edits trigger a full page reload.)
export default defineConfig({
  base: '/',
  esbuild: {
    jsx: 'automatic',
    jsxImportSource: 'react',
  },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    target: 'es2022',
    sourcemap: false,
    // The initial bundle is split in a vendor chunk (changes rarely → long-lived browser cache)
    // and the application chunk.
    rollupOptions: {
      onwarn(warning, warn) {
        // TanStack Query ships "use client" directives (for React Server Components); harmless here.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return
        warn(warning)
      },
      output: {
        manualChunks(id) {
          if (id.includes('node_modules')) return 'vendor'
          return undefined
        },
      },
    },
  },
  server: {
    port: 3000,
    strictPort: false,
    proxy: { '/api': apiProxy },
  },
  preview: {
    proxy: { '/api': apiProxy },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.{ts,tsx}'],
    // date formatting tests assume UTC
    env: { TZ: 'UTC' },
  },
})
