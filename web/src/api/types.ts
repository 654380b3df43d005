// Wire types of the /api/v1 responses the UI reads (see spec api.md §1.7, §4).
// Only the fields the UI uses are typed strictly; everything else is allowed through.

export type ISODateTime = string

export interface GenepanelRef {
  name: string
  version: string
  official?: boolean
}

export interface User {
  id: number
  username: string
  first_name: string
  last_name: string
  full_name: string
  abbrev_name: string
  active?: boolean
  user_group_name?: string
}

export interface UserGroup {
  id: number
  name: string
  genepanels: GenepanelRef[]
  default_import_genepanel: GenepanelRef | null
  import_groups?: string[]
}

export interface UserFull extends User {
  email: string | null
  password_expiry: ISODateTime
  group: UserGroup
}

export type WorkflowStatus = 'Not ready' | 'Interpretation' | 'Review' | 'Medical review'
export type InterpretationStatus = 'Not started' | 'Ongoing' | 'Done'

export interface InterpretationOverview {
  id: number
  status: InterpretationStatus
  finalized: boolean | null
  workflow_status: WorkflowStatus
  date_last_update: ISODateTime
  genepanel_name: string
  genepanel_version: string
  user_id: number | null
  user: User | null
  analysis_id?: number
  allele_id?: number
}

export interface Sample {
  id: number
  identifier: string
  sample_type: string
  date_deposited: ISODateTime
  affected: boolean
  proband: boolean
  family_id: string | null
  father_id: number | null
  mother_id: number | null
  sibling_id: number | null
  sex: string | null
}

export interface Analysis {
  id: number
  name: string
  date_requested: ISODateTime | null
  date_deposited: ISODateTime
  interpretations: InterpretationOverview[]
  genepanel: GenepanelRef
  samples: Sample[]
  report: string | null
  warnings: string | null
  attachments?: string[]
}

export interface OverviewAnalysis extends Analysis {
  priority: number
  review_comment?: string
  warning_cleared?: boolean
}

export interface OverviewAnalysesResponse {
  not_ready: OverviewAnalysis[]
  not_started: OverviewAnalysis[]
  marked_review: OverviewAnalysis[]
  marked_medicalreview: OverviewAnalysis[]
  ongoing: OverviewAnalysis[]
}

export interface Transcript {
  transcript: string
  symbol?: string
  hgnc_id?: number
  HGVSc?: string | null
  HGVSp?: string | null
  strand?: number
  [key: string]: unknown
}

export interface Annotation {
  transcripts?: Transcript[]
  filtered_transcripts: string[]
  annotation_id?: number
  annotation_config_id?: number
  [key: string]: unknown
}

export interface AlleleAssessmentOverview {
  id: number
  date_created: ISODateTime
  classification: string
}

export interface Allele {
  id: number
  genome_reference: string
  chromosome: string
  start_position: number
  open_end_position: number
  change_from: string
  change_to: string
  change_type: string
  vcf_pos: number
  vcf_ref: string
  vcf_alt: string
  length: number
  caller_type: string
  tags: string[]
  annotation?: Annotation | null
  allele_assessment?: AlleleAssessmentOverview | null
  [key: string]: unknown
}

export interface AlleleOverview {
  genepanel: { name: string; version: string }
  allele: Allele
  date_created: ISODateTime
  priority: number
  review_comment: string | null
  interpretations: InterpretationOverview[]
  warnings: null | unknown
}

export interface OverviewAllelesResponse {
  not_started: AlleleOverview[]
  marked_review: AlleleOverview[]
  ongoing: AlleleOverview[]
}

export interface Broadcast {
  id: number | string
  date: ISODateTime
  message: string
}

export interface UserStats {
  analyses_cnt: number
  alleles_cnt: number
}

export type SearchType = 'alleles' | 'analyses'

export interface GeneOption {
  symbol: string
  hgnc_id: number
}

export interface UserOption {
  username: string
  first_name: string
  last_name: string
}

export interface SearchOptionsResponse {
  gene?: GeneOption[]
  user?: UserOption[]
}

export interface SearchAlleleHit {
  allele: Allele
  interpretations: InterpretationOverview[]
}

export interface SearchResponse {
  alleles: SearchAlleleHit[]
  analyses: OverviewAnalysis[]
}

export interface PasswordPolicy {
  password_expiry_days?: number
  password_minimum_length: number
  password_match_groups: string[]
  password_match_groups_descr: string[]
  password_num_match_groups: number
}

export type OverviewView = 'analyses' | 'variants' | 'import'

export interface UserConfig {
  overview: { views: OverviewView[] }
  workflows?: unknown
  interpretation?: unknown
  acmg?: unknown
  deposit?: unknown
  comment_templates?: { name: string; template: string; comment_fields: string[] }[] | null
  [key: string]: unknown
}

export interface ClassificationOption {
  name: string
  value: string
  outdated_after_days?: number
  include_report?: boolean
  sort_index?: number
}

export interface AppConfig {
  app: {
    links_to_clipboard: boolean
    non_production_warning: string | null
    attachment_storage?: string | null
    max_upload_size?: number
    feature_flags?: Record<string, boolean>
    [key: string]: unknown
  }
  user: { auth: PasswordPolicy; user_config: UserConfig }
  analysis: { priority: { display: Record<string, string> }; [key: string]: unknown }
  classification: { options: ClassificationOption[]; [key: string]: unknown }
  [key: string]: unknown
}

/** Pagination read from the response headers (api.md §1.6). */
export interface Page<T> {
  items: T
  page: number
  perPage: number
  totalCount: number
  totalPages: number
}
