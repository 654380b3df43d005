// Formatting rules (webui.md §11). Dates are shown in local time.
import type { Allele, InterpretationOverview, Transcript } from '../api/types'

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n)
}

function toDate(value: string | Date | null | undefined): Date | null {
  if (value === null || value === undefined || value === '') return null
  const d = value instanceof Date ? value : new Date(value)
  return Number.isNaN(d.getTime()) ? null : d
}

/** `YYYY-MM-DD` in local time; '' for missing/invalid input. */
export function formatDate(value: string | Date | null | undefined): string {
  const d = toDate(value)
  if (!d) return ''
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** `YYYY-MM-DD HH:mm` in local time. */
export function formatDateTime(value: string | Date | null | undefined): string {
  const d = toDate(value)
  if (!d) return ''
  return `${formatDate(d)} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** One interpretation round: `n • <workflow_status> [(Finalized)|(Ongoing)] • <user> • <date time>`. */
export function formatRound(index: number, i: InterpretationOverview): string {
  let status: string = i.workflow_status
  if (i.finalized) status += ' (Finalized)'
  else if (i.status === 'Ongoing') status += ' (Ongoing)'
  const parts = [String(index + 1), status]
  if (i.user) {
    parts.push(i.user.abbrev_name)
    parts.push(formatDateTime(i.date_last_update))
  }
  return parts.join(' • ')
}

/** Workflow page title (§1.6): `<name> • <WORKFLOW STATUS OF THE LAST ROUND>`, or the name alone. */
export function workflowTitle(name: string, interpretations: readonly InterpretationOverview[]): string {
  const last = interpretations[interpretations.length - 1]
  return last ? `${name} • ${last.workflow_status.toUpperCase()}` : name
}

/** Rounds are listed when there is more than one or the first one has a user. */
export function shouldShowRounds(interpretations: InterpretationOverview[]): boolean {
  return interpretations.length > 1 || (interpretations.length === 1 && !!interpretations[0]?.user)
}

export function priorityLabel(priority: number | undefined, display: Record<string, string> | undefined): string | null {
  if (!priority || priority <= 1) return null
  return display?.[String(priority)] ?? `Priority ${priority}`
}

export interface HgvsgResult {
  hgvsg: string
  genomicPosition: string
}

/** Genomic HGVS and position (§11.1). Throws on unsupported change types. */
export function formatHgvsg(a: Pick<Allele, 'chromosome' | 'start_position' | 'open_end_position' | 'length' | 'change_type' | 'change_from' | 'change_to'>): HgvsgResult {
  const s = a.start_position + 1
  const e = a.open_end_position
  const cnvEnd = s + a.length - 1
  const chr = a.chromosome
  switch (a.change_type) {
    case 'SNP':
      return { hgvsg: `g.${s}${a.change_from}>${a.change_to}`, genomicPosition: `${chr}:${s}` }
    case 'del':
      return s === e
        ? { hgvsg: `g.${s}del`, genomicPosition: `${chr}:${s}` }
        : { hgvsg: `g.${s}_${e}del`, genomicPosition: `${chr}:${s}-${e}` }
    case 'indel':
      return s === e
        ? { hgvsg: `g.${s}delins${a.change_to}`, genomicPosition: `${chr}:${s}` }
        : { hgvsg: `g.${s}_${e}delins${a.change_to}`, genomicPosition: `${chr}:${s}-${e}` }
    case 'ins':
      return { hgvsg: `g.${s}_${e + 1}ins${a.change_to}`, genomicPosition: `${chr}:${s}-${e + 1}` }
    case 'dup':
      return { hgvsg: `g.${s}_${cnvEnd}dup`, genomicPosition: `${chr}:${s}-${cnvEnd}` }
    case 'dup_tandem':
      return { hgvsg: `g.${s}_${cnvEnd}dup_tandem`, genomicPosition: `${chr}:${s}-${cnvEnd}` }
    case 'del_me':
      // v1.17 printed a wrong end here (undefined variable); we use the intended end position.
      return { hgvsg: `g.${s}_${e}del_me`, genomicPosition: `${chr}:${s}-${e}` }
    default:
      throw new Error(`Unsupported change type (allele ${'id' in a ? String((a as Allele).id) : '?'}): ${a.change_type}`)
  }
}

/** `annotation.filtered` (§11.2): panel transcripts, else all transcripts sorted by name. */
export function filteredTranscripts(allele: Allele): Transcript[] {
  const ann = allele.annotation
  if (!ann) return []
  const all = ann.transcripts ?? []
  const names = ann.filtered_transcripts ?? []
  if (names.length) {
    return names.map((n) => all.find((t) => t.transcript === n)).filter((t): t is Transcript => !!t)
  }
  return [...all].sort((x, y) => (x.transcript < y.transcript ? -1 : x.transcript > y.transcript ? 1 : 0))
}

/** Display name (§11.2): `SYMBOL [transcript ]HGVSc[ (HGVSp)]` per filtered transcript, `; `-joined. */
export function alleleDisplayName(allele: Allele): string {
  let hgvsg: string
  try {
    hgvsg = formatHgvsg(allele).hgvsg
  } catch {
    hgvsg = `${allele.chromosome}-${allele.vcf_pos}-${allele.vcf_ref}-${allele.vcf_alt}`
  }
  const filtered = filteredTranscripts(allele)
  if (!filtered.length) return `${allele.chromosome}:${hgvsg}`
  const withTranscript = filtered.length > 1
  return filtered
    .map((t) => {
      const sym = t.symbol ?? ''
      const tx = withTranscript ? `${t.transcript} ` : ''
      const c = t.HGVSc ? t.HGVSc : hgvsg
      const p = t.HGVSp ? ` (${t.HGVSp})` : ''
      return `${sym} ${tx}${c}${p}`.trim()
    })
    .join('; ')
}

/** `CLASS x` when the allele has a current assessment, else `NEW`. */
export function classificationTag(allele: Allele): string {
  const c = allele.allele_assessment?.classification
  return c ? `CLASS ${c}` : 'NEW'
}

/** Byte sizes: B / kB / MB (1024 base), up to 2 decimals (§11.5). */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  const kb = bytes / 1024
  if (kb < 1024) return `${Math.round(kb * 100) / 100} kB`
  return `${Math.round((kb / 1024) * 100) / 100} MB`
}
