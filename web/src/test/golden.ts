// Golden responses recorded from ELLA v1.17 (testdata/golden/), used as typed fixtures.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { dirname, resolve } from 'node:path'

const GOLDEN_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../testdata/golden')

export interface GoldenFile<T> {
  request: { method: string; path: string; query: Record<string, unknown>; body: unknown; user: string }
  status: number
  response: T
}

export function goldenFile<T>(name: string): GoldenFile<T> {
  return JSON.parse(readFileSync(resolve(GOLDEN_DIR, name), 'utf8')) as GoldenFile<T>
}

export function golden<T>(name: string): T {
  return goldenFile<T>(name).response
}
