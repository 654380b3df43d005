import { describe, expect, it } from 'vitest'
import { alleles } from '../test/fixtures'
import { analysisLink, parseVariantRoute, safeNextPath, variantLink } from './links'
import { pageWindow, totalPages } from './pagination'

describe('workflow links (§11.3)', () => {
  const a = alleles('brca_e2e_test02.HBOCUTV_v01')[0]!
  it('builds analysis and variant links', () => {
    expect(analysisLink(2)).toBe('/workflows/analyses/2/')
    expect(variantLink(a, { name: 'HBOCUTV', version: 'v01' })).toBe('/workflows/variants/GRCh37/13-32893435-G-T?gp_name=HBOCUTV&gp_version=v01&allele_id=12')
    expect(variantLink(a)).toBe('/workflows/variants/GRCh37/13-32893435-G-T?allele_id=12')
  })
  it('parses the variant route back', () => {
    const r = parseVariantRoute('GRCh37', '13-32893435-G-T', new URLSearchParams('gp_name=HBOCUTV&gp_version=v01&allele_id=12'))
    expect(r).toEqual({ genomeReference: 'GRCh37', chromosome: '13', vcfPos: 32893435, vcfRef: 'G', vcfAlt: 'T', gpName: 'HBOCUTV', gpVersion: 'v01', alleleId: 12 })
  })
  it('needs exactly 4 parts and both gene panel parameters', () => {
    expect(parseVariantRoute('GRCh37', '13-32893435-G', new URLSearchParams())).toBeNull()
    expect(parseVariantRoute('GRCh37', '13-x-G-T', new URLSearchParams())).toBeNull()
    const r = parseVariantRoute('GRCh37', '13-1-G-T', new URLSearchParams('gp_name=HBOC'))
    expect(r?.gpName).toBeNull()
  })
})

describe('return path after login', () => {
  it('accepts local paths only', () => {
    expect(safeNextPath('/overview/variants')).toBe('/overview/variants')
    expect(safeNextPath('/workflows/analyses/2/?x=1')).toBe('/workflows/analyses/2/?x=1')
    expect(safeNextPath(null)).toBe('/overview/')
    expect(safeNextPath('https://evil.example')).toBe('/overview/')
    expect(safeNextPath('//evil.example')).toBe('/overview/')
    expect(safeNextPath('/\\evil.example')).toBe('/overview/')
    expect(safeNextPath('/login?next=/x')).toBe('/overview/')
  })
})

describe('pager window', () => {
  it('centres the current page inside the bounds', () => {
    expect(pageWindow(1, 10, 5)).toEqual([1, 2, 3, 4, 5])
    expect(pageWindow(6, 10, 5)).toEqual([4, 5, 6, 7, 8])
    expect(pageWindow(10, 10, 5)).toEqual([6, 7, 8, 9, 10])
    expect(pageWindow(2, 3, 5)).toEqual([1, 2, 3])
    expect(pageWindow(5, 9, 3)).toEqual([4, 5, 6])
    expect(totalPages(0, 10)).toBe(1)
    expect(totalPages(23, 10)).toBe(3)
  })
})
