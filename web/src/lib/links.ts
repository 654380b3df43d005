// Workflow routes (webui.md §1.1, §11.3).
import type { Allele } from '../api/types'

export function analysisLink(analysisId: number): string {
  return `/workflows/analyses/${analysisId}/`
}

export function variantLink(
  allele: Pick<Allele, 'id' | 'genome_reference' | 'chromosome' | 'vcf_pos' | 'vcf_ref' | 'vcf_alt'>,
  genepanel?: { name: string; version: string } | null,
): string {
  const base =
    `/workflows/variants/${encodeURIComponent(allele.genome_reference)}/` +
    `${encodeURIComponent(`${allele.chromosome}-${allele.vcf_pos}-${allele.vcf_ref}-${allele.vcf_alt}`)}`
  const params = new URLSearchParams()
  if (genepanel) {
    params.set('gp_name', genepanel.name)
    params.set('gp_version', genepanel.version)
  }
  params.set('allele_id', String(allele.id))
  return `${base}?${params.toString()}`
}

export interface VariantRoute {
  genomeReference: string
  chromosome: string
  vcfPos: number
  vcfRef: string
  vcfAlt: string
  gpName: string | null
  gpVersion: string | null
  alleleId: number | null
}

/** Parse `/workflows/variants/{ref}/{chr}-{pos}-{ref}-{alt}` + query. Null when malformed. */
export function parseVariantRoute(genomeReference: string, identifier: string, search: URLSearchParams): VariantRoute | null {
  const parts = identifier.split('-')
  if (parts.length !== 4) return null
  const [chromosome, pos, vcfRef, vcfAlt] = parts as [string, string, string, string]
  const vcfPos = Number(pos)
  if (!chromosome || !Number.isInteger(vcfPos) || vcfPos <= 0 || !vcfRef || !vcfAlt) return null
  const gpName = search.get('gp_name')
  const gpVersion = search.get('gp_version')
  // both or none
  const hasPanel = !!gpName && !!gpVersion
  const alleleIdRaw = search.get('allele_id')
  const alleleId = alleleIdRaw !== null && /^\d+$/.test(alleleIdRaw) ? Number(alleleIdRaw) : null
  return {
    genomeReference,
    chromosome,
    vcfPos,
    vcfRef,
    vcfAlt,
    gpName: hasPanel ? gpName : null,
    gpVersion: hasPanel ? gpVersion : null,
    alleleId,
  }
}

/**
 * Where to go after login. Only same-site absolute paths are accepted (no `//host`, no scheme),
 * and never back to /login itself.
 */
export function safeNextPath(next: string | null | undefined, fallback = '/overview/'): string {
  if (!next) return fallback
  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback
  if (/^\/login(\/|\?|$)/.test(next)) return fallback
  return next
}
