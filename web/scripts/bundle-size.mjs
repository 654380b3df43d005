// @ts-check
// Prints the size of the production build (dist/assets) per file and in total, raw and gzip
// (level 9, what nginx's gzip_comp_level 6 comes close to), and fails when the initial download
// exceeds the budget below. Run after `vite build` (`npm run build` does).
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

/** Gzip budget of everything index.html loads (KiB); raise it consciously, not by habit. */
const BUDGET_KIB = { js: 160, css: 20 }

const dir = join(import.meta.dirname, '..', 'dist', 'assets')
const kib = (/** @type {number} */ bytes) => `${(bytes / 1024).toFixed(1)} KiB`
/** @type {Record<string, { raw: number, gzip: number }>} */
const totals = { js: { raw: 0, gzip: 0 }, css: { raw: 0, gzip: 0 } }

for (const name of readdirSync(dir).sort()) {
  const kind = name.endsWith('.js') ? 'js' : name.endsWith('.css') ? 'css' : null
  if (!kind) continue
  const content = readFileSync(join(dir, name))
  const gzip = gzipSync(content, { level: 9 }).length
  const total = /** @type {{ raw: number, gzip: number }} */ (totals[kind])
  total.raw += content.length
  total.gzip += gzip
  console.log(`${name.padEnd(36)} ${kib(content.length).padStart(11)}   gzip ${kib(gzip).padStart(10)}`)
}

let overBudget = false
for (const [kind, total] of Object.entries(totals)) {
  const budget = BUDGET_KIB[/** @type {'js' | 'css'} */ (kind)]
  console.log(`total ${kind.toUpperCase().padEnd(30)} ${kib(total.raw).padStart(11)}   gzip ${kib(total.gzip).padStart(10)}   (budget ${budget} KiB gzip)`)
  if (total.gzip > budget * 1024) overBudget = true
}
if (overBudget) {
  console.error('The bundle is over its gzip budget (web/scripts/bundle-size.mjs).')
  process.exit(1)
}
