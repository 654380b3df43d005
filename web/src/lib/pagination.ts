/** Page numbers to render as buttons: a window of at most `size` pages around `current`. */
export function pageWindow(current: number, totalPages: number, size: number): number[] {
  const total = Math.max(1, totalPages)
  const cur = Math.min(Math.max(1, current), total)
  const n = Math.min(size, total)
  let start = cur - Math.floor((n - 1) / 2)
  start = Math.max(1, Math.min(start, total - n + 1))
  return Array.from({ length: n }, (_, i) => start + i)
}

export function totalPages(totalCount: number, perPage: number): number {
  return Math.max(1, Math.ceil(totalCount / Math.max(1, perPage)))
}
