-- ELLA v1.17 schema (alembic head 4c2844fef850), created directly instead of replaying ELLA's
-- 53 Alembic revisions. The result matches a database made by ELLA's `database make-production`
-- (datamodel.md §12-13), except that (docs/compatibility.md)
--   * the unused SQLAlchemy-Searchable helpers (tsq_*), the leftover enum interpretation_endaction
--     and the insert_tmp_* leftovers are not created.
-- The annotation shadow tables and their trigger depend on `frequencies.groups` in the config;
-- `ella-cli database refresh` (run by make/make-production) creates them, and also loads the
-- rows of `jsonschema`.
--
-- An existing ELLA database is adopted without running this file (ella-db, migrations.rs).


-- Enum types (section 2 of datamodel.md), labels in the order of migration-created databases.
CREATE TYPE alleleassessment_classification AS ENUM ('1', '2', '3', '4', '5', 'NP', 'DR', 'RF');
CREATE TYPE alleleinterpretation_workflow_status AS ENUM ('Interpretation', 'Review');
CREATE TYPE analysisinterpretation_workflow_status AS ENUM ('Not ready', 'Interpretation', 'Review', 'Medical review');
CREATE TYPE caller_type AS ENUM ('snv', 'cnv');
CREATE TYPE change_type AS ENUM ('SNP', 'del', 'ins', 'indel', 'dup', 'dup_tandem', 'del_me', 'ins_me', 'inv', 'bnd');
CREATE TYPE genotypesampledata_type AS ENUM ('Homozygous', 'Heterozygous', 'Reference', 'No coverage');
CREATE TYPE interpretation_status AS ENUM ('Not started', 'Ongoing', 'Done');
CREATE TYPE interpretationsnapshot_filtered AS ENUM ('FREQUENCY', 'REGION', 'POLYPYRIMIDINE', 'GENE', 'QUALITY', 'CONSEQUENCE', 'SEGREGATION', 'INHERITANCEMODEL', 'CLASSIFICATION');
CREATE TYPE job_status AS ENUM ('SUBMITTED', 'RUNNING', 'ANNOTATED', 'CANCELLED', 'DONE', 'FAILED (SUBMISSION)', 'FAILED (ANNOTATION)', 'FAILED (DEPOSIT)', 'FAILED (PROCESSING)');
CREATE TYPE mode AS ENUM ('Analysis', 'Variants', 'Single variant');
CREATE TYPE sample_sex AS ENUM ('Male', 'Female');
CREATE TYPE sample_type AS ENUM ('HTS', 'Sanger');
CREATE TYPE transcript_type AS ENUM ('RefSeq', 'Ensembl', 'LRG');

CREATE TABLE alembic_version (
    version_num character varying(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

CREATE TABLE jsonschema (
    id serial NOT NULL,
    name character varying NOT NULL,
    version integer NOT NULL,
    schema jsonb NOT NULL,
    CONSTRAINT pk_jsonschema PRIMARY KEY (id)
);

CREATE TABLE annotationconfig (
    id serial NOT NULL,
    deposit json NOT NULL,
    view json NOT NULL,
    date_created timestamp with time zone NOT NULL,
    CONSTRAINT pk_annotationconfig PRIMARY KEY (id)
);

CREATE TABLE broadcast (
    id serial NOT NULL,
    date_created timestamp with time zone NOT NULL,
    message character varying NOT NULL,
    active boolean NOT NULL,
    CONSTRAINT pk_broadcast PRIMARY KEY (id)
);

CREATE TABLE clilog (
    id serial NOT NULL,
    "time" timestamp with time zone NOT NULL,
    "user" character varying NOT NULL,
    "group" character varying NOT NULL,
    groupcommand character varying NOT NULL,
    command character varying NOT NULL,
    reason character varying,
    output character varying NOT NULL,
    CONSTRAINT pk_clilog PRIMARY KEY (id)
);

CREATE TABLE allele (
    id serial NOT NULL,
    genome_reference character varying NOT NULL,
    chromosome character varying NOT NULL,
    start_position integer NOT NULL,
    open_end_position integer NOT NULL,
    change_from character varying NOT NULL,
    change_to character varying NOT NULL,
    change_type change_type NOT NULL,
    vcf_pos integer NOT NULL,
    vcf_ref character varying NOT NULL,
    vcf_alt character varying NOT NULL,
    length integer NOT NULL,
    caller_type caller_type NOT NULL,
    CONSTRAINT pk_allele PRIMARY KEY (id),
    CONSTRAINT "ucAllele" UNIQUE (chromosome, start_position, open_end_position, change_from, change_to, change_type, vcf_pos, vcf_ref, vcf_alt, length, caller_type)
);

CREATE TABLE gene (
    hgnc_id serial NOT NULL,
    hgnc_symbol character varying NOT NULL,
    CONSTRAINT pk_gene PRIMARY KEY (hgnc_id)
);

CREATE TABLE transcript (
    id serial NOT NULL,
    gene_id integer NOT NULL,
    transcript_name character varying NOT NULL,
    type transcript_type NOT NULL,
    genome_reference character varying NOT NULL,
    chromosome character varying NOT NULL,
    tx_start integer NOT NULL,
    tx_end integer NOT NULL,
    strand character varying(1) NOT NULL,
    cds_start integer,
    cds_end integer,
    exon_starts integer[] NOT NULL,
    exon_ends integer[] NOT NULL,
    tags text[],
    CONSTRAINT pk_transcript PRIMARY KEY (id),
    CONSTRAINT uq_transcript_transcript_name UNIQUE (transcript_name)
);

CREATE TABLE phenotype (
    id serial NOT NULL,
    gene_id integer NOT NULL,
    description character varying NOT NULL,
    inheritance character varying NOT NULL,
    omim_id integer,
    CONSTRAINT pk_phenotype PRIMARY KEY (id),
    CONSTRAINT uq_phenotype_gene_id UNIQUE (gene_id, description, inheritance)
);

CREATE TABLE usergroup (
    id serial NOT NULL,
    name character varying NOT NULL,
    config jsonb,
    default_import_genepanel_name character varying,
    default_import_genepanel_version character varying,
    CONSTRAINT pk_usergroup PRIMARY KEY (id),
    CONSTRAINT uq_usergroup_name UNIQUE (name)
);

CREATE TABLE "user" (
    id serial NOT NULL,
    username character varying NOT NULL,
    first_name character varying NOT NULL,
    last_name character varying NOT NULL,
    group_id integer NOT NULL,
    password character varying NOT NULL,
    password_expiry timestamp with time zone NOT NULL,
    active boolean NOT NULL,
    incorrect_logins integer NOT NULL,
    config jsonb,
    email character varying,
    CONSTRAINT pk_user PRIMARY KEY (id),
    CONSTRAINT uq_user_username UNIQUE (username)
);

CREATE TABLE genepanel (
    name character varying NOT NULL,
    version character varying NOT NULL,
    genome_reference character varying NOT NULL,
    official boolean NOT NULL,
    date_created timestamp with time zone NOT NULL,
    user_id integer,
    CONSTRAINT pk_genepanel PRIMARY KEY (name, version)
);

CREATE TABLE genepanel_transcript (
    genepanel_name character varying NOT NULL,
    genepanel_version character varying NOT NULL,
    transcript_id integer NOT NULL,
    inheritance text NOT NULL
);

CREATE TABLE genepanel_phenotype (
    genepanel_name character varying NOT NULL,
    genepanel_version character varying NOT NULL,
    phenotype_id integer NOT NULL
);

CREATE TABLE usergroupgenepanel (
    usergroup_id integer,
    genepanel_name character varying NOT NULL,
    genepanel_version character varying NOT NULL
);

CREATE TABLE usergroupimport (
    usergroup_id integer NOT NULL,
    usergroupimport_id integer NOT NULL,
    CONSTRAINT uq_usergroupimport_usergroup_id UNIQUE (usergroup_id, usergroupimport_id)
);

CREATE TABLE usersession (
    id serial NOT NULL,
    user_id integer,
    token character varying NOT NULL,
    issued timestamp with time zone NOT NULL,
    lastactivity timestamp with time zone NOT NULL,
    expires timestamp with time zone NOT NULL,
    logged_out timestamp with time zone,
    CONSTRAINT pk_usersession PRIMARY KEY (id),
    CONSTRAINT uq_usersession_token UNIQUE (token)
);

CREATE TABLE useroldpassword (
    id serial NOT NULL,
    user_id integer,
    password character varying NOT NULL,
    expired timestamp with time zone NOT NULL,
    CONSTRAINT pk_useroldpassword PRIMARY KEY (id)
);

CREATE TABLE resourcelog (
    id serial NOT NULL,
    remote_addr inet NOT NULL,
    "time" timestamp with time zone NOT NULL,
    duration integer NOT NULL,
    usersession_id integer,
    method character varying NOT NULL,
    resource character varying NOT NULL,
    query character varying NOT NULL,
    response character varying,
    response_size integer NOT NULL,
    payload character varying,
    payload_size integer NOT NULL,
    statuscode integer NOT NULL,
    CONSTRAINT pk_resourcelog PRIMARY KEY (id)
);

CREATE TABLE uiexception (
    id serial NOT NULL,
    "time" timestamp with time zone NOT NULL,
    usersession_id integer,
    message character varying NOT NULL,
    location character varying,
    stacktrace character varying,
    state jsonb,
    CONSTRAINT pk_uiexception PRIMARY KEY (id)
);

CREATE TABLE filterconfig (
    id serial NOT NULL,
    name character varying NOT NULL,
    filterconfig jsonb NOT NULL,
    active boolean NOT NULL,
    date_superceeded timestamp with time zone,
    previous_filterconfig_id integer,
    requirements jsonb DEFAULT '[]'::jsonb NOT NULL,
    schema_version integer NOT NULL,
    CONSTRAINT pk_filterconfig PRIMARY KEY (id)
);

CREATE TABLE usergroupfilterconfig (
    id serial NOT NULL,
    usergroup_id integer NOT NULL,
    filterconfig_id integer NOT NULL,
    "order" integer NOT NULL,
    CONSTRAINT pk_usergroupfilterconfig PRIMARY KEY (id)
);

CREATE TABLE attachment (
    id serial NOT NULL,
    sha256 character varying,
    filename character varying NOT NULL,
    size bigint,
    date_created timestamp with time zone NOT NULL,
    mimetype character varying,
    extension character varying,
    user_id integer NOT NULL,
    CONSTRAINT pk_attachment PRIMARY KEY (id)
);

CREATE TABLE reference (
    id serial NOT NULL,
    authors character varying,
    title character varying,
    journal character varying,
    abstract character varying,
    year character varying,
    pubmed_id integer,
    published boolean NOT NULL,
    attachment_id integer,
    search tsvector,
    CONSTRAINT pk_reference PRIMARY KEY (id),
    CONSTRAINT uq_reference_pubmed_id UNIQUE (pubmed_id)
);

CREATE TABLE annotation (
    id serial NOT NULL,
    allele_id integer,
    annotations jsonb,
    previous_annotation_id integer,
    date_superceeded timestamp with time zone,
    date_created timestamp with time zone NOT NULL,
    schema_version integer NOT NULL,
    annotation_config_id integer NOT NULL,
    CONSTRAINT pk_annotation PRIMARY KEY (id)
);

CREATE TABLE customannotation (
    id serial NOT NULL,
    annotations jsonb,
    allele_id integer,
    user_id integer,
    previous_annotation_id integer,
    date_superceeded timestamp with time zone,
    date_created timestamp with time zone NOT NULL,
    CONSTRAINT pk_customannotation PRIMARY KEY (id)
);

CREATE TABLE annotationjob (
    id serial NOT NULL,
    task_id character varying,
    status job_status NOT NULL,
    status_history jsonb,
    mode mode,
    data character varying,
    message character varying,
    user_id integer,
    date_submitted timestamp with time zone NOT NULL,
    date_last_update timestamp with time zone NOT NULL,
    genepanel_name character varying,
    genepanel_version character varying,
    properties jsonb,
    sample_id character varying,
    CONSTRAINT pk_annotationjob PRIMARY KEY (id)
);

CREATE TABLE analysis (
    id serial NOT NULL,
    name character varying NOT NULL,
    genepanel_name character varying,
    genepanel_version character varying,
    warnings character varying,
    report character varying,
    date_deposited timestamp with time zone NOT NULL,
    properties jsonb,
    date_requested timestamp with time zone,
    CONSTRAINT pk_analysis PRIMARY KEY (id),
    CONSTRAINT uq_analysis_name UNIQUE (name)
);

CREATE TABLE sample (
    id serial NOT NULL,
    identifier character varying NOT NULL,
    analysis_id integer NOT NULL,
    sample_type sample_type NOT NULL,
    date_deposited timestamp with time zone NOT NULL,
    affected boolean NOT NULL,
    family_id character varying,
    father_id integer,
    mother_id integer,
    sibling_id integer,
    proband boolean NOT NULL,
    sex sample_sex,
    CONSTRAINT pk_sample PRIMARY KEY (id)
);

CREATE TABLE genotype (
    id serial NOT NULL,
    allele_id integer NOT NULL,
    secondallele_id integer,
    sample_id integer NOT NULL,
    variant_quality integer,
    filter_status character varying,
    CONSTRAINT pk_genotype PRIMARY KEY (id)
);

CREATE TABLE genotypesampledata (
    id serial NOT NULL,
    genotype_id integer NOT NULL,
    secondallele boolean NOT NULL,
    multiallelic boolean NOT NULL,
    type genotypesampledata_type NOT NULL,
    sample_id integer NOT NULL,
    genotype_quality smallint,
    sequencing_depth smallint,
    genotype_likelihood integer[],
    allele_depth jsonb,
    allele_ratio double precision,
    copy_number smallint,
    CONSTRAINT genotypesampledata_genotype_likelihood_check CHECK ((array_position(genotype_likelihood, NULL::integer) IS NULL)),
    CONSTRAINT pk_genotypesampledata PRIMARY KEY (id)
);

CREATE TABLE alleleassessment (
    id serial NOT NULL,
    classification alleleassessment_classification NOT NULL,
    evaluation jsonb,
    user_id integer NOT NULL,
    date_created timestamp with time zone NOT NULL,
    date_superceeded timestamp with time zone,
    previous_assessment_id integer,
    allele_id integer NOT NULL,
    genepanel_name character varying NOT NULL,
    genepanel_version character varying NOT NULL,
    analysis_id integer,
    annotation_id integer,
    custom_annotation_id integer,
    usergroup_id integer,
    CONSTRAINT pk_alleleassessment PRIMARY KEY (id)
);

CREATE TABLE referenceassessment (
    id serial NOT NULL,
    reference_id integer NOT NULL,
    evaluation jsonb,
    user_id integer NOT NULL,
    date_created timestamp with time zone NOT NULL,
    date_superceeded timestamp with time zone,
    genepanel_name character varying NOT NULL,
    genepanel_version character varying NOT NULL,
    allele_id integer NOT NULL,
    previous_assessment_id integer,
    analysis_id integer,
    usergroup_id integer,
    CONSTRAINT pk_referenceassessment PRIMARY KEY (id)
);

CREATE TABLE alleleassessmentreferenceassessment (
    alleleassessment_id integer,
    referenceassessment_id integer
);

CREATE TABLE alleleassessmentattachment (
    alleleassessment_id integer,
    attachment_id integer
);

CREATE TABLE allelereport (
    id serial NOT NULL,
    evaluation jsonb,
    user_id integer NOT NULL,
    date_created timestamp with time zone NOT NULL,
    date_superceeded timestamp with time zone,
    previous_report_id integer,
    allele_id integer NOT NULL,
    analysis_id integer,
    alleleassessment_id integer,
    usergroup_id integer,
    CONSTRAINT pk_allelereport PRIMARY KEY (id)
);

CREATE TABLE geneassessment (
    id serial NOT NULL,
    evaluation jsonb,
    user_id integer NOT NULL,
    usergroup_id integer,
    date_created timestamp with time zone NOT NULL,
    genepanel_name character varying NOT NULL,
    genepanel_version character varying NOT NULL,
    date_superceeded timestamp with time zone,
    previous_assessment_id integer,
    gene_id integer NOT NULL,
    analysis_id integer,
    CONSTRAINT pk_geneassessment PRIMARY KEY (id)
);

CREATE TABLE alleleinterpretation (
    id serial NOT NULL,
    genepanel_name character varying NOT NULL,
    genepanel_version character varying NOT NULL,
    user_state jsonb,
    state jsonb,
    status interpretation_status NOT NULL,
    date_last_update timestamp with time zone NOT NULL,
    date_created timestamp with time zone NOT NULL,
    allele_id integer NOT NULL,
    user_id integer,
    finalized boolean,
    workflow_status alleleinterpretation_workflow_status NOT NULL,
    CONSTRAINT pk_alleleinterpretation PRIMARY KEY (id)
);

CREATE TABLE analysisinterpretation (
    id serial NOT NULL,
    genepanel_name character varying NOT NULL,
    genepanel_version character varying NOT NULL,
    user_state jsonb,
    state jsonb,
    status interpretation_status NOT NULL,
    date_last_update timestamp with time zone NOT NULL,
    date_created timestamp with time zone NOT NULL,
    analysis_id integer NOT NULL,
    user_id integer,
    finalized boolean,
    workflow_status analysisinterpretation_workflow_status NOT NULL,
    CONSTRAINT pk_analysisinterpretation PRIMARY KEY (id)
);

CREATE TABLE alleleinterpretationsnapshot (
    id serial NOT NULL,
    date_created timestamp with time zone NOT NULL,
    filtered interpretationsnapshot_filtered,
    alleleinterpretation_id integer NOT NULL,
    allele_id integer NOT NULL,
    annotation_id integer,
    customannotation_id integer,
    alleleassessment_id integer,
    allelereport_id integer,
    CONSTRAINT pk_alleleinterpretationsnapshot PRIMARY KEY (id),
    CONSTRAINT uq_alleleinterpretationsnapshot_alleleinterpretation_id UNIQUE (alleleinterpretation_id, allele_id)
);

CREATE TABLE analysisinterpretationsnapshot (
    id serial NOT NULL,
    date_created timestamp with time zone NOT NULL,
    filtered interpretationsnapshot_filtered,
    analysisinterpretation_id integer NOT NULL,
    allele_id integer NOT NULL,
    annotation_id integer,
    customannotation_id integer,
    alleleassessment_id integer,
    allelereport_id integer,
    CONSTRAINT pk_analysisinterpretationsnapshot PRIMARY KEY (id),
    CONSTRAINT uq_analysisinterpretationsnapshot_analysisinterpretation_id UNIQUE (analysisinterpretation_id, allele_id)
);

CREATE TABLE interpretationstatehistory (
    id serial NOT NULL,
    alleleinterpretation_id integer,
    analysisinterpretation_id integer,
    user_id integer NOT NULL,
    date_created timestamp with time zone NOT NULL,
    state jsonb NOT NULL,
    CONSTRAINT pk_interpretationstatehistory PRIMARY KEY (id)
);

CREATE TABLE interpretationlog (
    id serial NOT NULL,
    alleleinterpretation_id integer,
    analysisinterpretation_id integer,
    user_id integer,
    date_created timestamp with time zone NOT NULL,
    message character varying,
    priority integer,
    review_comment character varying,
    warning_cleared boolean,
    alleleassessment_id integer,
    allelereport_id integer,
    CONSTRAINT pk_interpretationlog PRIMARY KEY (id)
);

-- Foreign keys, added after all tables exist (usergroup -> genepanel -> user -> usergroup is a cycle).
ALTER TABLE transcript ADD CONSTRAINT fk_transcript_gene_id_gene FOREIGN KEY (gene_id) REFERENCES gene(hgnc_id);
ALTER TABLE phenotype ADD CONSTRAINT fk_phenotype_gene_id_gene FOREIGN KEY (gene_id) REFERENCES gene(hgnc_id);
ALTER TABLE usergroup ADD CONSTRAINT fk_usergroup_default_import_genepanel_name_genepanel FOREIGN KEY (default_import_genepanel_name, default_import_genepanel_version) REFERENCES genepanel(name, version);
ALTER TABLE "user" ADD CONSTRAINT fk_user_group_id_usergroup FOREIGN KEY (group_id) REFERENCES usergroup(id);
ALTER TABLE genepanel ADD CONSTRAINT fk_genepanel_user_id_user FOREIGN KEY (user_id) REFERENCES "user"(id);
ALTER TABLE genepanel_transcript ADD CONSTRAINT fk_genepanel_transcript_genepanel_name_genepanel FOREIGN KEY (genepanel_name, genepanel_version) REFERENCES genepanel(name, version) ON DELETE CASCADE;
ALTER TABLE genepanel_transcript ADD CONSTRAINT fk_genepanel_transcript_transcript_id_transcript FOREIGN KEY (transcript_id) REFERENCES transcript(id);
ALTER TABLE genepanel_phenotype ADD CONSTRAINT fk_genepanel_phenotype_genepanel_name_genepanel FOREIGN KEY (genepanel_name, genepanel_version) REFERENCES genepanel(name, version) ON DELETE CASCADE;
ALTER TABLE genepanel_phenotype ADD CONSTRAINT fk_genepanel_phenotype_phenotype_id_phenotype FOREIGN KEY (phenotype_id) REFERENCES phenotype(id);
ALTER TABLE usergroupgenepanel ADD CONSTRAINT fk_usergroupgenepanel_genepanel_name_genepanel FOREIGN KEY (genepanel_name, genepanel_version) REFERENCES genepanel(name, version);
ALTER TABLE usergroupgenepanel ADD CONSTRAINT fk_usergroupgenepanel_usergroup_id_usergroup FOREIGN KEY (usergroup_id) REFERENCES usergroup(id);
ALTER TABLE usergroupimport ADD CONSTRAINT fk_usergroupimport_usergroup_id_usergroup FOREIGN KEY (usergroup_id) REFERENCES usergroup(id);
ALTER TABLE usergroupimport ADD CONSTRAINT fk_usergroupimport_usergroupimport_id_usergroup FOREIGN KEY (usergroupimport_id) REFERENCES usergroup(id);
ALTER TABLE usersession ADD CONSTRAINT fk_usersession_user_id_user FOREIGN KEY (user_id) REFERENCES "user"(id);
ALTER TABLE useroldpassword ADD CONSTRAINT fk_useroldpassword_user_id_user FOREIGN KEY (user_id) REFERENCES "user"(id);
ALTER TABLE resourcelog ADD CONSTRAINT fk_resourcelog_usersession_id_usersession FOREIGN KEY (usersession_id) REFERENCES usersession(id);
ALTER TABLE uiexception ADD CONSTRAINT fk_uiexception_usersession_id_usersession FOREIGN KEY (usersession_id) REFERENCES usersession(id);
ALTER TABLE filterconfig ADD CONSTRAINT fk_filterconfig_previous_filterconfig_filterconfig FOREIGN KEY (previous_filterconfig_id) REFERENCES filterconfig(id);
ALTER TABLE usergroupfilterconfig ADD CONSTRAINT fk_usergroupfilterconfig_filterconfig_id_filterconfig FOREIGN KEY (filterconfig_id) REFERENCES filterconfig(id);
ALTER TABLE usergroupfilterconfig ADD CONSTRAINT fk_usergroupfilterconfig_usergroup_id_usergroup FOREIGN KEY (usergroup_id) REFERENCES usergroup(id);
ALTER TABLE attachment ADD CONSTRAINT fk_attachment_user_id_user FOREIGN KEY (user_id) REFERENCES "user"(id);
ALTER TABLE reference ADD CONSTRAINT fk_reference_attachment_id_attachment FOREIGN KEY (attachment_id) REFERENCES attachment(id);
ALTER TABLE annotation ADD CONSTRAINT fk_annotation_allele_id_allele FOREIGN KEY (allele_id) REFERENCES allele(id);
ALTER TABLE annotation ADD CONSTRAINT fk_annotation_annotation_config_id_annotationconfig FOREIGN KEY (annotation_config_id) REFERENCES annotationconfig(id);
ALTER TABLE annotation ADD CONSTRAINT fk_annotation_previous_annotation_id_annotation FOREIGN KEY (previous_annotation_id) REFERENCES annotation(id);
ALTER TABLE customannotation ADD CONSTRAINT fk_customannotation_allele_id_allele FOREIGN KEY (allele_id) REFERENCES allele(id);
ALTER TABLE customannotation ADD CONSTRAINT fk_customannotation_previous_annotation_id_customannotation FOREIGN KEY (previous_annotation_id) REFERENCES customannotation(id);
ALTER TABLE customannotation ADD CONSTRAINT fk_customannotation_user_id_user FOREIGN KEY (user_id) REFERENCES "user"(id);
ALTER TABLE annotationjob ADD CONSTRAINT fk_annotationjob_genepanel_name_genepanel FOREIGN KEY (genepanel_name, genepanel_version) REFERENCES genepanel(name, version);
ALTER TABLE annotationjob ADD CONSTRAINT fk_annotationjob_user_id_user FOREIGN KEY (user_id) REFERENCES "user"(id);
ALTER TABLE analysis ADD CONSTRAINT fk_analysis_genepanel_name_genepanel FOREIGN KEY (genepanel_name, genepanel_version) REFERENCES genepanel(name, version);
ALTER TABLE sample ADD CONSTRAINT fk_sample_analysis_id_analysis FOREIGN KEY (analysis_id) REFERENCES analysis(id) ON DELETE CASCADE;
ALTER TABLE sample ADD CONSTRAINT fk_sample_father_id_sample FOREIGN KEY (father_id) REFERENCES sample(id);
ALTER TABLE sample ADD CONSTRAINT fk_sample_mother_id_sample FOREIGN KEY (mother_id) REFERENCES sample(id);
ALTER TABLE sample ADD CONSTRAINT fk_sample_sibling_id_sample FOREIGN KEY (sibling_id) REFERENCES sample(id);
ALTER TABLE genotype ADD CONSTRAINT fk_genotype_allele_id_allele FOREIGN KEY (allele_id) REFERENCES allele(id);
ALTER TABLE genotype ADD CONSTRAINT fk_genotype_sample_id_sample FOREIGN KEY (sample_id) REFERENCES sample(id) ON DELETE CASCADE;
ALTER TABLE genotype ADD CONSTRAINT fk_genotype_secondallele_id_allele FOREIGN KEY (secondallele_id) REFERENCES allele(id);
ALTER TABLE genotypesampledata ADD CONSTRAINT fk_genotypesampledata_genotype_id_genotype FOREIGN KEY (genotype_id) REFERENCES genotype(id) ON DELETE CASCADE;
ALTER TABLE genotypesampledata ADD CONSTRAINT fk_genotypesampledata_sample_id_sample FOREIGN KEY (sample_id) REFERENCES sample(id) ON DELETE CASCADE;
ALTER TABLE alleleassessment ADD CONSTRAINT fk_alleleassessment_allele_id_allele FOREIGN KEY (allele_id) REFERENCES allele(id);
ALTER TABLE alleleassessment ADD CONSTRAINT fk_alleleassessment_analysis_id_analysis FOREIGN KEY (analysis_id) REFERENCES analysis(id) ON DELETE SET NULL;
ALTER TABLE alleleassessment ADD CONSTRAINT fk_alleleassessment_annotation_id_annotation FOREIGN KEY (annotation_id) REFERENCES annotation(id);
ALTER TABLE alleleassessment ADD CONSTRAINT fk_alleleassessment_custom_annotation_id_customannotation FOREIGN KEY (custom_annotation_id) REFERENCES customannotation(id);
ALTER TABLE alleleassessment ADD CONSTRAINT fk_alleleassessment_genepanel_name_genepanel FOREIGN KEY (genepanel_name, genepanel_version) REFERENCES genepanel(name, version);
ALTER TABLE alleleassessment ADD CONSTRAINT fk_alleleassessment_previous_assessment_id_alleleassessment FOREIGN KEY (previous_assessment_id) REFERENCES alleleassessment(id);
ALTER TABLE alleleassessment ADD CONSTRAINT fk_alleleassessment_user_id_user FOREIGN KEY (user_id) REFERENCES "user"(id);
ALTER TABLE alleleassessment ADD CONSTRAINT fk_alleleassessment_usergroup_id_usergroup FOREIGN KEY (usergroup_id) REFERENCES usergroup(id);
ALTER TABLE referenceassessment ADD CONSTRAINT fk_referenceassessment_allele_id_allele FOREIGN KEY (allele_id) REFERENCES allele(id);
ALTER TABLE referenceassessment ADD CONSTRAINT fk_referenceassessment_analysis_id_analysis FOREIGN KEY (analysis_id) REFERENCES analysis(id) ON DELETE SET NULL;
ALTER TABLE referenceassessment ADD CONSTRAINT fk_referenceassessment_genepanel_name_genepanel FOREIGN KEY (genepanel_name, genepanel_version) REFERENCES genepanel(name, version);
ALTER TABLE referenceassessment ADD CONSTRAINT fk_referenceassessment_previous_assessment_id_referenceassessme FOREIGN KEY (previous_assessment_id) REFERENCES referenceassessment(id);
ALTER TABLE referenceassessment ADD CONSTRAINT fk_referenceassessment_reference_id_reference FOREIGN KEY (reference_id) REFERENCES reference(id);
ALTER TABLE referenceassessment ADD CONSTRAINT fk_referenceassessment_user_id_user FOREIGN KEY (user_id) REFERENCES "user"(id);
ALTER TABLE referenceassessment ADD CONSTRAINT fk_referenceassessment_usergroup_id_usergroup FOREIGN KEY (usergroup_id) REFERENCES usergroup(id);
ALTER TABLE alleleassessmentreferenceassessment ADD CONSTRAINT fk_alleleassessmentreferenceassessment_alleleassessment_id_alle FOREIGN KEY (alleleassessment_id) REFERENCES alleleassessment(id);
ALTER TABLE alleleassessmentreferenceassessment ADD CONSTRAINT fk_alleleassessmentreferenceassessment_referenceassessment_id_r FOREIGN KEY (referenceassessment_id) REFERENCES referenceassessment(id);
ALTER TABLE alleleassessmentattachment ADD CONSTRAINT fk_alleleassessmentattachment_alleleassessment_id_alleleassessm FOREIGN KEY (alleleassessment_id) REFERENCES alleleassessment(id);
ALTER TABLE alleleassessmentattachment ADD CONSTRAINT fk_alleleassessmentattachment_attachment_id_attachment FOREIGN KEY (attachment_id) REFERENCES attachment(id);
ALTER TABLE allelereport ADD CONSTRAINT fk_allelereport_allele_id_allele FOREIGN KEY (allele_id) REFERENCES allele(id);
ALTER TABLE allelereport ADD CONSTRAINT fk_allelereport_alleleassessment_id_alleleassessment FOREIGN KEY (alleleassessment_id) REFERENCES alleleassessment(id);
ALTER TABLE allelereport ADD CONSTRAINT fk_allelereport_analysis_id_analysis FOREIGN KEY (analysis_id) REFERENCES analysis(id) ON DELETE SET NULL;
ALTER TABLE allelereport ADD CONSTRAINT fk_allelereport_previous_report_id_allelereport FOREIGN KEY (previous_report_id) REFERENCES allelereport(id);
ALTER TABLE allelereport ADD CONSTRAINT fk_allelereport_user_id_user FOREIGN KEY (user_id) REFERENCES "user"(id);
ALTER TABLE allelereport ADD CONSTRAINT fk_allelereport_usergroup_id_usergroup FOREIGN KEY (usergroup_id) REFERENCES usergroup(id);
ALTER TABLE geneassessment ADD CONSTRAINT fk_geneassessment_analysis_id_analysis FOREIGN KEY (analysis_id) REFERENCES analysis(id) ON DELETE SET NULL;
ALTER TABLE geneassessment ADD CONSTRAINT fk_geneassessment_gene_id_gene FOREIGN KEY (gene_id) REFERENCES gene(hgnc_id);
ALTER TABLE geneassessment ADD CONSTRAINT fk_geneassessment_previous_assessment_id_geneassessment FOREIGN KEY (previous_assessment_id) REFERENCES geneassessment(id);
ALTER TABLE geneassessment ADD CONSTRAINT fk_geneassessment_user_id_user FOREIGN KEY (user_id) REFERENCES "user"(id);
ALTER TABLE geneassessment ADD CONSTRAINT fk_geneassessment_usergroup_id_usergroup FOREIGN KEY (usergroup_id) REFERENCES usergroup(id);
ALTER TABLE alleleinterpretation ADD CONSTRAINT fk_alleleinterpretation_allele_id_allele FOREIGN KEY (allele_id) REFERENCES allele(id);
ALTER TABLE alleleinterpretation ADD CONSTRAINT fk_alleleinterpretation_genepanel_name_genepanel FOREIGN KEY (genepanel_name, genepanel_version) REFERENCES genepanel(name, version);
ALTER TABLE alleleinterpretation ADD CONSTRAINT fk_alleleinterpretation_user_id_user FOREIGN KEY (user_id) REFERENCES "user"(id);
ALTER TABLE analysisinterpretation ADD CONSTRAINT fk_analysisinterpretation_analysis_id_analysis FOREIGN KEY (analysis_id) REFERENCES analysis(id) ON DELETE CASCADE;
ALTER TABLE analysisinterpretation ADD CONSTRAINT fk_analysisinterpretation_genepanel_name_genepanel FOREIGN KEY (genepanel_name, genepanel_version) REFERENCES genepanel(name, version);
ALTER TABLE analysisinterpretation ADD CONSTRAINT fk_analysisinterpretation_user_id_user FOREIGN KEY (user_id) REFERENCES "user"(id);
ALTER TABLE alleleinterpretationsnapshot ADD CONSTRAINT fk_alleleinterpretationsnapshot_allele_id_allele FOREIGN KEY (allele_id) REFERENCES allele(id);
ALTER TABLE alleleinterpretationsnapshot ADD CONSTRAINT fk_alleleinterpretationsnapshot_alleleassessment_id_alleleasses FOREIGN KEY (alleleassessment_id) REFERENCES alleleassessment(id);
ALTER TABLE alleleinterpretationsnapshot ADD CONSTRAINT fk_alleleinterpretationsnapshot_alleleinterpretation_id_allelei FOREIGN KEY (alleleinterpretation_id) REFERENCES alleleinterpretation(id) ON DELETE CASCADE;
ALTER TABLE alleleinterpretationsnapshot ADD CONSTRAINT fk_alleleinterpretationsnapshot_allelereport_id_allelereport FOREIGN KEY (allelereport_id) REFERENCES allelereport(id);
ALTER TABLE alleleinterpretationsnapshot ADD CONSTRAINT fk_alleleinterpretationsnapshot_annotation_id_annotation FOREIGN KEY (annotation_id) REFERENCES annotation(id);
ALTER TABLE alleleinterpretationsnapshot ADD CONSTRAINT fk_alleleinterpretationsnapshot_customannotation_id_customannot FOREIGN KEY (customannotation_id) REFERENCES customannotation(id);
ALTER TABLE analysisinterpretationsnapshot ADD CONSTRAINT fk_analysisinterpretationsnapshot_allele_id_allele FOREIGN KEY (allele_id) REFERENCES allele(id);
ALTER TABLE analysisinterpretationsnapshot ADD CONSTRAINT fk_analysisinterpretationsnapshot_alleleassessment_id_alleleass FOREIGN KEY (alleleassessment_id) REFERENCES alleleassessment(id);
ALTER TABLE analysisinterpretationsnapshot ADD CONSTRAINT fk_analysisinterpretationsnapshot_allelereport_id_allelereport FOREIGN KEY (allelereport_id) REFERENCES allelereport(id);
ALTER TABLE analysisinterpretationsnapshot ADD CONSTRAINT fk_analysisinterpretationsnapshot_analysisinterpretation_id_ana FOREIGN KEY (analysisinterpretation_id) REFERENCES analysisinterpretation(id) ON DELETE CASCADE;
ALTER TABLE analysisinterpretationsnapshot ADD CONSTRAINT fk_analysisinterpretationsnapshot_annotation_id_annotation FOREIGN KEY (annotation_id) REFERENCES annotation(id);
ALTER TABLE analysisinterpretationsnapshot ADD CONSTRAINT fk_analysisinterpretationsnapshot_customannotation_id_customann FOREIGN KEY (customannotation_id) REFERENCES customannotation(id);
ALTER TABLE interpretationstatehistory ADD CONSTRAINT fk_interpretationstatehistory_alleleinterpretation_id_alleleint FOREIGN KEY (alleleinterpretation_id) REFERENCES alleleinterpretation(id) ON DELETE CASCADE;
ALTER TABLE interpretationstatehistory ADD CONSTRAINT fk_interpretationstatehistory_analysisinterpretation_id_analysi FOREIGN KEY (analysisinterpretation_id) REFERENCES analysisinterpretation(id) ON DELETE CASCADE;
ALTER TABLE interpretationstatehistory ADD CONSTRAINT fk_interpretationstatehistory_user_id_user FOREIGN KEY (user_id) REFERENCES "user"(id);
ALTER TABLE interpretationlog ADD CONSTRAINT fk_interpretationlog_alleleassessment_id_alleleassessment FOREIGN KEY (alleleassessment_id) REFERENCES alleleassessment(id);
ALTER TABLE interpretationlog ADD CONSTRAINT fk_interpretationlog_alleleinterpretation_id_alleleinterpretati FOREIGN KEY (alleleinterpretation_id) REFERENCES alleleinterpretation(id) ON DELETE CASCADE;
ALTER TABLE interpretationlog ADD CONSTRAINT fk_interpretationlog_allelereport_id_allelereport FOREIGN KEY (allelereport_id) REFERENCES allelereport(id);
ALTER TABLE interpretationlog ADD CONSTRAINT fk_interpretationlog_analysisinterpretation_id_analysisinterpre FOREIGN KEY (analysisinterpretation_id) REFERENCES analysisinterpretation(id) ON DELETE CASCADE;
ALTER TABLE interpretationlog ADD CONSTRAINT fk_interpretationlog_user_id_user FOREIGN KEY (user_id) REFERENCES "user"(id);

-- Indexes that are not constraints.
CREATE UNIQUE INDEX ix_alleleinterpretation_alleleid_ongoing_unique ON alleleinterpretation (allele_id) WHERE (status = ANY (ARRAY['Ongoing'::interpretation_status, 'Not started'::interpretation_status]));
CREATE INDEX ix_alleleloci ON allele (chromosome, start_position, open_end_position);
CREATE UNIQUE INDEX ix_allelereport_alleleid_unique ON allelereport (allele_id) WHERE (date_superceeded IS NULL);
CREATE UNIQUE INDEX ix_analysisinterpretation_analysisid_ongoing_unique ON analysisinterpretation (analysis_id) WHERE (status = ANY (ARRAY['Ongoing'::interpretation_status, 'Not started'::interpretation_status]));
CREATE INDEX ix_annotation_allele_id ON annotation (allele_id);
CREATE INDEX ix_annotation_annotation_config_id ON annotation (annotation_config_id);
CREATE UNIQUE INDEX ix_annotation_unique ON annotation (allele_id) WHERE (date_superceeded IS NULL);
CREATE UNIQUE INDEX ix_assessment_alleleid_unique ON alleleassessment (allele_id) WHERE (date_superceeded IS NULL);
CREATE UNIQUE INDEX ix_customannotation_unique ON customannotation (allele_id) WHERE (date_superceeded IS NULL);
CREATE UNIQUE INDEX ix_gene_hgnc_symbol ON gene (lower((hgnc_symbol)::text) text_pattern_ops);
CREATE UNIQUE INDEX ix_geneassessment_geneid_unique ON geneassessment (gene_id) WHERE (date_superceeded IS NULL);
CREATE INDEX ix_genotype_sample_id ON genotype (sample_id);
CREATE INDEX ix_genotypesampledata_genotype_id ON genotypesampledata (genotype_id);
CREATE INDEX ix_genotypesampledata_sample_id ON genotypesampledata (sample_id);
CREATE UNIQUE INDEX ix_jsonschema_unique ON jsonschema (name, version);
CREATE UNIQUE INDEX ix_pubmedid ON reference (pubmed_id);
CREATE INDEX ix_reference_search ON reference USING gin (search);
CREATE UNIQUE INDEX ix_referenceassessment_alleleid_referenceid_unique ON referenceassessment (allele_id, reference_id) WHERE (date_superceeded IS NULL);
CREATE INDEX ix_resourcelog_time ON resourcelog ("time");
CREATE INDEX ix_sampleidentifier ON sample (identifier);
CREATE UNIQUE INDEX uq_filterconfig_name_active_unique ON filterconfig (name) WHERE (active IS TRUE);
CREATE UNIQUE INDEX uq_usergroupfilterconfig_unique ON usergroupfilterconfig (usergroup_id, filterconfig_id);

-- JSON Schema validation used by the schema_version triggers (datamodel.md §8.1): the upstream
-- postgres-json-schema validator at commit 5a257e19a1569a77b82e9182b0b7d9fc8b6f6382, unchanged,
-- as ELLA embeds it.
-- Copyright (c) 2016, Gavin Wahl
--
-- Permission to use, copy, modify, and distribute this software and its
-- documentation for any purpose, without fee, and without a written agreement is
-- hereby granted, provided that the above copyright notice and this paragraph and
-- the following two paragraphs appear in all copies.
--
-- IN NO EVENT SHALL GAVIN WAHL BE LIABLE TO ANY PARTY FOR DIRECT, INDIRECT,
-- SPECIAL, INCIDENTAL, OR CONSEQUENTIAL DAMAGES, INCLUDING LOST PROFITS, ARISING
-- OUT OF THE USE OF THIS SOFTWARE AND ITS DOCUMENTATION, EVEN IF GAVIN WAHL HAS
-- BEEN ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
--
-- GAVIN WAHL SPECIFICALLY DISCLAIMS ANY WARRANTIES, INCLUDING, BUT NOT LIMITED
-- TO, THE IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR
-- PURPOSE. THE SOFTWARE PROVIDED HEREUNDER IS ON AN "AS IS" BASIS, AND GAVIN WAHL
-- HAS NO OBLIGATIONS TO PROVIDE MAINTENANCE, SUPPORT, UPDATES, ENHANCEMENTS, OR
-- MODIFICATIONS.

CREATE OR REPLACE FUNCTION _validate_json_schema_type(type text, data jsonb) RETURNS boolean AS $f$
BEGIN
  IF type = 'integer' THEN
    IF jsonb_typeof(data) != 'number' THEN
      RETURN false;
    END IF;
    IF trunc(data::text::numeric) != data::text::numeric THEN
      RETURN false;
    END IF;
  ELSE
    IF type != jsonb_typeof(data) THEN
      RETURN false;
    END IF;
  END IF;
  RETURN true;
END;
$f$ LANGUAGE 'plpgsql' IMMUTABLE;


CREATE OR REPLACE FUNCTION validate_json_schema(schema jsonb, data jsonb, root_schema jsonb DEFAULT NULL) RETURNS boolean AS $f$
DECLARE
  prop text;
  item jsonb;
  path text[];
  types text[];
  pattern text;
  props text[];
BEGIN
  IF root_schema IS NULL THEN
    root_schema = schema;
  END IF;

  IF schema ? 'type' THEN
    IF jsonb_typeof(schema->'type') = 'array' THEN
      types = ARRAY(SELECT jsonb_array_elements_text(schema->'type'));
    ELSE
      types = ARRAY[schema->>'type'];
    END IF;
    IF (SELECT NOT bool_or(_validate_json_schema_type(type, data)) FROM unnest(types) type) THEN
      RETURN false;
    END IF;
  END IF;

  IF schema ? 'properties' THEN
    FOR prop IN SELECT jsonb_object_keys(schema->'properties') LOOP
      IF data ? prop AND NOT validate_json_schema(schema->'properties'->prop, data->prop, root_schema) THEN
        RETURN false;
      END IF;
    END LOOP;
  END IF;

  IF schema ? 'required' AND jsonb_typeof(data) = 'object' THEN
    IF NOT ARRAY(SELECT jsonb_object_keys(data)) @>
           ARRAY(SELECT jsonb_array_elements_text(schema->'required')) THEN
      RETURN false;
    END IF;
  END IF;

  IF schema ? 'items' AND jsonb_typeof(data) = 'array' THEN
    IF jsonb_typeof(schema->'items') = 'object' THEN
      FOR item IN SELECT jsonb_array_elements(data) LOOP
        IF NOT validate_json_schema(schema->'items', item, root_schema) THEN
          RETURN false;
        END IF;
      END LOOP;
    ELSE
      IF NOT (
        SELECT bool_and(i > jsonb_array_length(schema->'items') OR validate_json_schema(schema->'items'->(i::int - 1), elem, root_schema))
        FROM jsonb_array_elements(data) WITH ORDINALITY AS t(elem, i)
      ) THEN
        RETURN false;
      END IF;
    END IF;
  END IF;

  IF jsonb_typeof(schema->'additionalItems') = 'boolean' and NOT (schema->'additionalItems')::text::boolean AND jsonb_typeof(schema->'items') = 'array' THEN
    IF jsonb_array_length(data) > jsonb_array_length(schema->'items') THEN
      RETURN false;
    END IF;
  END IF;

  IF jsonb_typeof(schema->'additionalItems') = 'object' THEN
    IF NOT (
        SELECT bool_and(validate_json_schema(schema->'additionalItems', elem, root_schema))
        FROM jsonb_array_elements(data) WITH ORDINALITY AS t(elem, i)
        WHERE i > jsonb_array_length(schema->'items')
      ) THEN
      RETURN false;
    END IF;
  END IF;

  IF schema ? 'minimum' AND jsonb_typeof(data) = 'number' THEN
    IF data::text::numeric < (schema->>'minimum')::numeric THEN
      RETURN false;
    END IF;
  END IF;

  IF schema ? 'maximum' AND jsonb_typeof(data) = 'number' THEN
    IF data::text::numeric > (schema->>'maximum')::numeric THEN
      RETURN false;
    END IF;
  END IF;

  IF COALESCE((schema->'exclusiveMinimum')::text::bool, FALSE) THEN
    IF data::text::numeric = (schema->>'minimum')::numeric THEN
      RETURN false;
    END IF;
  END IF;

  IF COALESCE((schema->'exclusiveMaximum')::text::bool, FALSE) THEN
    IF data::text::numeric = (schema->>'maximum')::numeric THEN
      RETURN false;
    END IF;
  END IF;

  IF schema ? 'anyOf' THEN
    IF NOT (SELECT bool_or(validate_json_schema(sub_schema, data, root_schema)) FROM jsonb_array_elements(schema->'anyOf') sub_schema) THEN
      RETURN false;
    END IF;
  END IF;

  IF schema ? 'allOf' THEN
    IF NOT (SELECT bool_and(validate_json_schema(sub_schema, data, root_schema)) FROM jsonb_array_elements(schema->'allOf') sub_schema) THEN
      RETURN false;
    END IF;
  END IF;

  IF schema ? 'oneOf' THEN
    IF 1 != (SELECT COUNT(*) FROM jsonb_array_elements(schema->'oneOf') sub_schema WHERE validate_json_schema(sub_schema, data, root_schema)) THEN
      RETURN false;
    END IF;
  END IF;

  IF COALESCE((schema->'uniqueItems')::text::boolean, false) THEN
    IF (SELECT COUNT(*) FROM jsonb_array_elements(data)) != (SELECT count(DISTINCT val) FROM jsonb_array_elements(data) val) THEN
      RETURN false;
    END IF;
  END IF;

  IF schema ? 'additionalProperties' AND jsonb_typeof(data) = 'object' THEN
    props := ARRAY(
      SELECT key
      FROM jsonb_object_keys(data) key
      WHERE key NOT IN (SELECT jsonb_object_keys(schema->'properties'))
        AND NOT EXISTS (SELECT * FROM jsonb_object_keys(schema->'patternProperties') pat WHERE key ~ pat)
    );
    IF jsonb_typeof(schema->'additionalProperties') = 'boolean' THEN
      IF NOT (schema->'additionalProperties')::text::boolean AND jsonb_typeof(data) = 'object' AND NOT props <@ ARRAY(SELECT jsonb_object_keys(schema->'properties')) THEN
        RETURN false;
      END IF;
    ELSEIF NOT (
      SELECT bool_and(validate_json_schema(schema->'additionalProperties', data->key, root_schema))
      FROM unnest(props) key
    ) THEN
      RETURN false;
    END IF;
  END IF;

  IF schema ? '$ref' THEN
    path := ARRAY(
      SELECT regexp_replace(regexp_replace(path_part, '~1', '/'), '~0', '~')
      FROM UNNEST(regexp_split_to_array(schema->>'$ref', '/')) path_part
    );
    -- ASSERT path[1] = '#', 'only refs anchored at the root are supported';
    IF NOT validate_json_schema(root_schema #> path[2:array_length(path, 1)], data, root_schema) THEN
      RETURN false;
    END IF;
  END IF;

  IF schema ? 'enum' THEN
    IF NOT EXISTS (SELECT * FROM jsonb_array_elements(schema->'enum') val WHERE val = data) THEN
      RETURN false;
    END IF;
  END IF;

  IF schema ? 'minLength' AND jsonb_typeof(data) = 'string' THEN
    IF char_length(data #>> '{}') < (schema->>'minLength')::numeric THEN
      RETURN false;
    END IF;
  END IF;

  IF schema ? 'maxLength' AND jsonb_typeof(data) = 'string' THEN
    IF char_length(data #>> '{}') > (schema->>'maxLength')::numeric THEN
      RETURN false;
    END IF;
  END IF;

  IF schema ? 'not' THEN
    IF validate_json_schema(schema->'not', data, root_schema) THEN
      RETURN false;
    END IF;
  END IF;

  IF schema ? 'maxProperties' AND jsonb_typeof(data) = 'object' THEN
    IF (SELECT count(*) FROM jsonb_object_keys(data)) > (schema->>'maxProperties')::numeric THEN
      RETURN false;
    END IF;
  END IF;

  IF schema ? 'minProperties' AND jsonb_typeof(data) = 'object' THEN
    IF (SELECT count(*) FROM jsonb_object_keys(data)) < (schema->>'minProperties')::numeric THEN
      RETURN false;
    END IF;
  END IF;

  IF schema ? 'maxItems' AND jsonb_typeof(data) = 'array' THEN
    IF (SELECT count(*) FROM jsonb_array_elements(data)) > (schema->>'maxItems')::numeric THEN
      RETURN false;
    END IF;
  END IF;

  IF schema ? 'minItems' AND jsonb_typeof(data) = 'array' THEN
    IF (SELECT count(*) FROM jsonb_array_elements(data)) < (schema->>'minItems')::numeric THEN
      RETURN false;
    END IF;
  END IF;

  IF schema ? 'dependencies' THEN
    FOR prop IN SELECT jsonb_object_keys(schema->'dependencies') LOOP
      IF data ? prop THEN
        IF jsonb_typeof(schema->'dependencies'->prop) = 'array' THEN
          IF NOT (SELECT bool_and(data ? dep) FROM jsonb_array_elements_text(schema->'dependencies'->prop) dep) THEN
            RETURN false;
          END IF;
        ELSE
          IF NOT validate_json_schema(schema->'dependencies'->prop, data, root_schema) THEN
            RETURN false;
          END IF;
        END IF;
      END IF;
    END LOOP;
  END IF;

  IF schema ? 'pattern' AND jsonb_typeof(data) = 'string' THEN
    IF (data #>> '{}') !~ (schema->>'pattern') THEN
      RETURN false;
    END IF;
  END IF;

  IF schema ? 'patternProperties' AND jsonb_typeof(data) = 'object' THEN
    FOR prop IN SELECT jsonb_object_keys(data) LOOP
      FOR pattern IN SELECT jsonb_object_keys(schema->'patternProperties') LOOP
        RAISE NOTICE 'prop %s, pattern %, schema %', prop, pattern, schema->'patternProperties'->pattern;
        IF prop ~ pattern AND NOT validate_json_schema(schema->'patternProperties'->pattern, data->prop, root_schema) THEN
          RETURN false;
        END IF;
      END LOOP;
    END LOOP;
  END IF;

  IF schema ? 'multipleOf' AND jsonb_typeof(data) = 'number' THEN
    IF data::text::numeric % (schema->>'multipleOf')::numeric != 0 THEN
      RETURN false;
    END IF;
  END IF;

  RETURN true;
END;
$f$ LANGUAGE 'plpgsql' IMMUTABLE;

-- The highest schema version of `schema_name` that validates `data`. Raises SQLSTATE JSONV with
-- ELLA's message when none does and nulls are not allowed; ELLA parses that message.
CREATE FUNCTION schema_version(data jsonb, schema_name text, allow_null boolean DEFAULT true)
RETURNS integer AS $$
DECLARE
    candidate integer;
BEGIN
    FOR candidate IN
        SELECT version FROM jsonschema WHERE name = schema_name ORDER BY version DESC
    LOOP
        IF (SELECT validate_json_schema(schema, data) FROM jsonschema
            WHERE name = schema_name AND version = candidate) THEN
            RETURN candidate;
        END IF;
    END LOOP;
    IF allow_null IS FALSE THEN
        RAISE EXCEPTION 'schema_name=%, data=% ---- failed to validate against any of the existing schemas',
            schema_name, data USING ERRCODE = 'JSONV';
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql IMMUTABLE;

CREATE FUNCTION annotation_schema_version() RETURNS trigger AS $$
BEGIN
    NEW.schema_version = schema_version(NEW.annotations, 'annotation', false);
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION filterconfig_schema_version() RETURNS trigger AS $$
BEGIN
    NEW.schema_version = schema_version(NEW.filterconfig, 'filterconfig', false);
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER annotation_schema_version BEFORE INSERT OR UPDATE ON annotation
    FOR EACH ROW EXECUTE FUNCTION annotation_schema_version();
CREATE TRIGGER filterconfig_schema_version BEFORE INSERT OR UPDATE ON filterconfig
    FOR EACH ROW EXECUTE FUNCTION filterconfig_schema_version();

INSERT INTO alembic_version (version_num) VALUES ('4c2844fef850');

-- The "legacy" annotation config that ELLA's migration d394766ada41 inserts into every
-- migration-created database (from ELLA's alembic/data/annotation-config-legacy.yml), so that a
-- new database has an active annotation config as it has with ELLA.
INSERT INTO annotationconfig (deposit, view, date_created) VALUES (
$legacy$[{"name": "vep", "converter_config": {"elements": [{"source": "CSQ", "target": "transcripts"}]}}, {"name": "clinvarjson", "converter_config": {"elements": [{"source": "CLINVARJSON", "target": "external.CLINVAR", "encoding": "base16"}]}}, {"name": "keyvalue", "converter_config": {"elements": [{"source": "GNOMAD_EXOMES__AC", "target": "frequencies.GNOMAD_EXOMES.count.G", "target_type": "int"}, {"source": "GNOMAD_EXOMES__AC_AFR", "target": "frequencies.GNOMAD_EXOMES.count.AFR", "target_type": "int"}, {"source": "GNOMAD_EXOMES__AC_AMR", "target": "frequencies.GNOMAD_EXOMES.count.AMR", "target_type": "int"}, {"source": "GNOMAD_EXOMES__AC_ASJ", "target": "frequencies.GNOMAD_EXOMES.count.ASJ", "target_type": "int"}, {"source": "GNOMAD_EXOMES__AC_EAS", "target": "frequencies.GNOMAD_EXOMES.count.EAS", "target_type": "int"}, {"source": "GNOMAD_EXOMES__AC_FIN", "target": "frequencies.GNOMAD_EXOMES.count.FIN", "target_type": "int"}, {"source": "GNOMAD_EXOMES__AC_NFE", "target": "frequencies.GNOMAD_EXOMES.count.NFE", "target_type": "int"}, {"source": "GNOMAD_EXOMES__AC_OTH", "target": "frequencies.GNOMAD_EXOMES.count.OTH", "target_type": "int"}, {"source": "GNOMAD_EXOMES__AC_SAS", "target": "frequencies.GNOMAD_EXOMES.count.SAS", "target_type": "int"}, {"source": "GNOMAD_EXOMES__AN", "target": "frequencies.GNOMAD_EXOMES.num.G", "target_type": "int"}, {"source": "GNOMAD_EXOMES__AN_AFR", "target": "frequencies.GNOMAD_EXOMES.num.AFR", "target_type": "int"}, {"source": "GNOMAD_EXOMES__AN_AMR", "target": "frequencies.GNOMAD_EXOMES.num.AMR", "target_type": "int"}, {"source": "GNOMAD_EXOMES__AN_ASJ", "target": "frequencies.GNOMAD_EXOMES.num.ASJ", "target_type": "int"}, {"source": "GNOMAD_EXOMES__AN_EAS", "target": "frequencies.GNOMAD_EXOMES.num.EAS", "target_type": "int"}, {"source": "GNOMAD_EXOMES__AN_FIN", "target": "frequencies.GNOMAD_EXOMES.num.FIN", "target_type": "int"}, {"source": "GNOMAD_EXOMES__AN_NFE", "target": "frequencies.GNOMAD_EXOMES.num.NFE", "target_type": "int"}, {"source": "GNOMAD_EXOMES__AN_OTH", "target": "frequencies.GNOMAD_EXOMES.num.OTH", "target_type": "int"}, {"source": "GNOMAD_EXOMES__AN_SAS", "target": "frequencies.GNOMAD_EXOMES.num.SAS", "target_type": "int"}, {"source": "GNOMAD_EXOMES__Hom", "target": "frequencies.GNOMAD_EXOMES.hom.G", "target_type": "int"}, {"source": "GNOMAD_EXOMES__Hom_AFR", "target": "frequencies.GNOMAD_EXOMES.hom.AFR", "target_type": "int"}, {"source": "GNOMAD_EXOMES__Hom_AMR", "target": "frequencies.GNOMAD_EXOMES.hom.AMR", "target_type": "int"}, {"source": "GNOMAD_EXOMES__Hom_ASJ", "target": "frequencies.GNOMAD_EXOMES.hom.ASJ", "target_type": "int"}, {"source": "GNOMAD_EXOMES__Hom_EAS", "target": "frequencies.GNOMAD_EXOMES.hom.EAS", "target_type": "int"}, {"source": "GNOMAD_EXOMES__Hom_FIN", "target": "frequencies.GNOMAD_EXOMES.hom.FIN", "target_type": "int"}, {"source": "GNOMAD_EXOMES__Hom_NFE", "target": "frequencies.GNOMAD_EXOMES.hom.NFE", "target_type": "int"}, {"source": "GNOMAD_EXOMES__Hom_OTH", "target": "frequencies.GNOMAD_EXOMES.hom.OTH", "target_type": "int"}, {"source": "GNOMAD_EXOMES__Hom_SAS", "target": "frequencies.GNOMAD_EXOMES.hom.SAS", "target_type": "int"}, {"source": "GNOMAD_EXOMES__Hemi", "target": "frequencies.GNOMAD_EXOMES.hemi.G", "target_type": "int", "target_type_throw": false}, {"source": "GNOMAD_EXOMES__Hemi_AFR", "target": "frequencies.GNOMAD_EXOMES.hemi.AFR", "target_type": "int", "target_type_throw": false}, {"source": "GNOMAD_EXOMES__Hemi_AMR", "target": "frequencies.GNOMAD_EXOMES.hemi.AMR", "target_type": "int", "target_type_throw": false}, {"source": "GNOMAD_EXOMES__Hemi_ASJ", "target": "frequencies.GNOMAD_EXOMES.hemi.ASJ", "target_type": "int", "target_type_throw": false}, {"source": "GNOMAD_EXOMES__Hemi_EAS", "target": "frequencies.GNOMAD_EXOMES.hemi.EAS", "target_type": "int", "target_type_throw": false}, {"source": "GNOMAD_EXOMES__Hemi_FIN", "target": "frequencies.GNOMAD_EXOMES.hemi.FIN", "target_type": "int", "target_type_throw": false}, {"source": "GNOMAD_EXOMES__Hemi_NFE", "target": "frequencies.GNOMAD_EXOMES.hemi.NFE", "target_type": "int", "target_type_throw": false}, {"source": "GNOMAD_EXOMES__Hemi_OTH", "target": "frequencies.GNOMAD_EXOMES.hemi.OTH", "target_type": "int", "target_type_throw": false}, {"source": "GNOMAD_EXOMES__Hemi_SAS", "target": "frequencies.GNOMAD_EXOMES.hemi.SAS", "target_type": "int", "target_type_throw": false}, {"source": "GNOMAD_EXOMES__AF", "target": "frequencies.GNOMAD_EXOMES.freq.G", "target_type": "float"}, {"source": "GNOMAD_EXOMES__AF_AFR", "target": "frequencies.GNOMAD_EXOMES.freq.AFR", "target_type": "float"}, {"source": "GNOMAD_EXOMES__AF_AMR", "target": "frequencies.GNOMAD_EXOMES.freq.AMR", "target_type": "float"}, {"source": "GNOMAD_EXOMES__AF_ASJ", "target": "frequencies.GNOMAD_EXOMES.freq.ASJ", "target_type": "float"}, {"source": "GNOMAD_EXOMES__AF_EAS", "target": "frequencies.GNOMAD_EXOMES.freq.EAS", "target_type": "float"}, {"source": "GNOMAD_EXOMES__AF_FIN", "target": "frequencies.GNOMAD_EXOMES.freq.FIN", "target_type": "float"}, {"source": "GNOMAD_EXOMES__AF_NFE", "target": "frequencies.GNOMAD_EXOMES.freq.NFE", "target_type": "float"}, {"source": "GNOMAD_EXOMES__AF_OTH", "target": "frequencies.GNOMAD_EXOMES.freq.OTH", "target_type": "float"}, {"source": "GNOMAD_EXOMES__AF_SAS", "target": "frequencies.GNOMAD_EXOMES.freq.SAS", "target_type": "float"}, {"source": "GNOMAD_EXOMES__AS_FilterStatus", "target": "frequencies.GNOMAD_EXOMES.filter.G", "target_type": "string", "split": "|"}]}}, {"name": "keyvalue", "converter_config": {"elements": [{"source": "GNOMAD_GENOMES__AC", "target": "frequencies.GNOMAD_GENOMES.count.G", "target_type": "int"}, {"source": "GNOMAD_GENOMES__AC_AFR", "target": "frequencies.GNOMAD_GENOMES.count.AFR", "target_type": "int"}, {"source": "GNOMAD_GENOMES__AC_AMR", "target": "frequencies.GNOMAD_GENOMES.count.AMR", "target_type": "int"}, {"source": "GNOMAD_GENOMES__AC_ASJ", "target": "frequencies.GNOMAD_GENOMES.count.ASJ", "target_type": "int"}, {"source": "GNOMAD_GENOMES__AC_EAS", "target": "frequencies.GNOMAD_GENOMES.count.EAS", "target_type": "int"}, {"source": "GNOMAD_GENOMES__AC_FIN", "target": "frequencies.GNOMAD_GENOMES.count.FIN", "target_type": "int"}, {"source": "GNOMAD_GENOMES__AC_NFE", "target": "frequencies.GNOMAD_GENOMES.count.NFE", "target_type": "int"}, {"source": "GNOMAD_GENOMES__AC_OTH", "target": "frequencies.GNOMAD_GENOMES.count.OTH", "target_type": "int"}, {"source": "GNOMAD_GENOMES__AC_SAS", "target": "frequencies.GNOMAD_GENOMES.count.SAS", "target_type": "int"}, {"source": "GNOMAD_GENOMES__AN", "target": "frequencies.GNOMAD_GENOMES.num.G", "target_type": "int"}, {"source": "GNOMAD_GENOMES__AN_AFR", "target": "frequencies.GNOMAD_GENOMES.num.AFR", "target_type": "int"}, {"source": "GNOMAD_GENOMES__AN_AMR", "target": "frequencies.GNOMAD_GENOMES.num.AMR", "target_type": "int"}, {"source": "GNOMAD_GENOMES__AN_ASJ", "target": "frequencies.GNOMAD_GENOMES.num.ASJ", "target_type": "int"}, {"source": "GNOMAD_GENOMES__AN_EAS", "target": "frequencies.GNOMAD_GENOMES.num.EAS", "target_type": "int"}, {"source": "GNOMAD_GENOMES__AN_FIN", "target": "frequencies.GNOMAD_GENOMES.num.FIN", "target_type": "int"}, {"source": "GNOMAD_GENOMES__AN_NFE", "target": "frequencies.GNOMAD_GENOMES.num.NFE", "target_type": "int"}, {"source": "GNOMAD_GENOMES__AN_OTH", "target": "frequencies.GNOMAD_GENOMES.num.OTH", "target_type": "int"}, {"source": "GNOMAD_GENOMES__AN_SAS", "target": "frequencies.GNOMAD_GENOMES.num.SAS", "target_type": "int"}, {"source": "GNOMAD_GENOMES__Hom", "target": "frequencies.GNOMAD_GENOMES.hom.G", "target_type": "int"}, {"source": "GNOMAD_GENOMES__Hom_AFR", "target": "frequencies.GNOMAD_GENOMES.hom.AFR", "target_type": "int"}, {"source": "GNOMAD_GENOMES__Hom_AMR", "target": "frequencies.GNOMAD_GENOMES.hom.AMR", "target_type": "int"}, {"source": "GNOMAD_GENOMES__Hom_ASJ", "target": "frequencies.GNOMAD_GENOMES.hom.ASJ", "target_type": "int"}, {"source": "GNOMAD_GENOMES__Hom_EAS", "target": "frequencies.GNOMAD_GENOMES.hom.EAS", "target_type": "int"}, {"source": "GNOMAD_GENOMES__Hom_FIN", "target": "frequencies.GNOMAD_GENOMES.hom.FIN", "target_type": "int"}, {"source": "GNOMAD_GENOMES__Hom_NFE", "target": "frequencies.GNOMAD_GENOMES.hom.NFE", "target_type": "int"}, {"source": "GNOMAD_GENOMES__Hom_OTH", "target": "frequencies.GNOMAD_GENOMES.hom.OTH", "target_type": "int"}, {"source": "GNOMAD_GENOMES__Hom_SAS", "target": "frequencies.GNOMAD_GENOMES.hom.SAS", "target_type": "int"}, {"source": "GNOMAD_GENOMES__Hemi", "target": "frequencies.GNOMAD_GENOMES.hemi.G", "target_type": "int", "target_type_throw": false}, {"source": "GNOMAD_GENOMES__Hemi_AFR", "target": "frequencies.GNOMAD_GENOMES.hemi.AFR", "target_type": "int", "target_type_throw": false}, {"source": "GNOMAD_GENOMES__Hemi_AMR", "target": "frequencies.GNOMAD_GENOMES.hemi.AMR", "target_type": "int", "target_type_throw": false}, {"source": "GNOMAD_GENOMES__Hemi_ASJ", "target": "frequencies.GNOMAD_GENOMES.hemi.ASJ", "target_type": "int", "target_type_throw": false}, {"source": "GNOMAD_GENOMES__Hemi_EAS", "target": "frequencies.GNOMAD_GENOMES.hemi.EAS", "target_type": "int", "target_type_throw": false}, {"source": "GNOMAD_GENOMES__Hemi_FIN", "target": "frequencies.GNOMAD_GENOMES.hemi.FIN", "target_type": "int", "target_type_throw": false}, {"source": "GNOMAD_GENOMES__Hemi_NFE", "target": "frequencies.GNOMAD_GENOMES.hemi.NFE", "target_type": "int", "target_type_throw": false}, {"source": "GNOMAD_GENOMES__Hemi_OTH", "target": "frequencies.GNOMAD_GENOMES.hemi.OTH", "target_type": "int", "target_type_throw": false}, {"source": "GNOMAD_GENOMES__Hemi_SAS", "target": "frequencies.GNOMAD_GENOMES.hemi.SAS", "target_type": "int", "target_type_throw": false}, {"source": "GNOMAD_GENOMES__AF", "target": "frequencies.GNOMAD_GENOMES.freq.G", "target_type": "float"}, {"source": "GNOMAD_GENOMES__AF_AFR", "target": "frequencies.GNOMAD_GENOMES.freq.AFR", "target_type": "float"}, {"source": "GNOMAD_GENOMES__AF_AMR", "target": "frequencies.GNOMAD_GENOMES.freq.AMR", "target_type": "float"}, {"source": "GNOMAD_GENOMES__AF_ASJ", "target": "frequencies.GNOMAD_GENOMES.freq.ASJ", "target_type": "float"}, {"source": "GNOMAD_GENOMES__AF_EAS", "target": "frequencies.GNOMAD_GENOMES.freq.EAS", "target_type": "float"}, {"source": "GNOMAD_GENOMES__AF_FIN", "target": "frequencies.GNOMAD_GENOMES.freq.FIN", "target_type": "float"}, {"source": "GNOMAD_GENOMES__AF_NFE", "target": "frequencies.GNOMAD_GENOMES.freq.NFE", "target_type": "float"}, {"source": "GNOMAD_GENOMES__AF_OTH", "target": "frequencies.GNOMAD_GENOMES.freq.OTH", "target_type": "float"}, {"source": "GNOMAD_GENOMES__AF_SAS", "target": "frequencies.GNOMAD_GENOMES.freq.SAS", "target_type": "float"}, {"source": "GNOMAD_GENOMES__AS_FilterStatus", "target": "frequencies.GNOMAD_GENOMES.filter.G", "target_type": "string", "split": "|"}]}}, {"name": "keyvalue", "converter_config": {"elements": [{"source": "inDB__Het_OUSWES", "target": "frequencies.inDB.het.OUSWES", "target_type": "int"}, {"source": "inDB__Het_OUSWGS", "target": "frequencies.inDB.het.OUSWGS", "target_type": "int"}, {"source": "inDB__Hom_OUSWES", "target": "frequencies.inDB.hom.OUSWES", "target_type": "int"}, {"source": "inDB__Hom_OUSWGS", "target": "frequencies.inDB.hom.OUSWGS", "target_type": "int"}, {"source": "inDB__AC_OUSWES", "target": "frequencies.inDB.count.OUSWES", "target_type": "int"}, {"source": "inDB__AC_OUSWGS", "target": "frequencies.inDB.count.OUSWGS", "target_type": "int"}, {"source": "inDB__AF_OUSWES", "target": "frequencies.inDB.freq.OUSWES", "target_type": "float"}, {"source": "inDB__AF_OUSWGS", "target": "frequencies.inDB.freq.OUSWGS", "target_type": "float"}, {"source": "inDB__AN_OUSWES", "target": "frequencies.inDB.num.OUSWES", "target_type": "int"}, {"source": "inDB__AN_OUSWGS", "target": "frequencies.inDB.num.OUSWGS", "target_type": "int"}, {"source": "inDB__filter_OUSWES", "target": "frequencies.inDB.filter.OUSWES", "target_type": "string", "split": ","}, {"source": "inDB__filter_OUSWGS", "target": "frequencies.inDB.filter.OUSWGS", "target_type": "string", "split": ","}]}}, {"name": "mapping", "converter_config": {"elements": [{"source": "inDB__indications_OUSWES", "target": "frequencies.inDB.indications.OUSWES", "item_separator": ",", "keyvalue_separator": ":", "target_type": "string"}, {"source": "inDB__indications_OUSWGS", "target": "frequencies.inDB.indications.OUSWGS", "item_separator": ",", "keyvalue_separator": ":", "target_type": "string"}]}}, {"name": "hgmdprimaryreport", "converter_config": {"elements": [{"source": "HGMD__pmid", "additional_sources": ["HGMD__comments"], "target": "references", "target_mode": "extend"}]}}, {"name": "hgmdextrarefs", "converter_config": {"elements": [{"source": "HGMD__extrarefs", "target": "references", "target_mode": "extend"}]}}, {"name": "clinvarreferences", "converter_config": {"elements": [{"source": "CLINVARJSON", "target": "references", "target_mode": "extend"}]}}, {"name": "hgmd", "converter_config": {"elements": [{"source": "HGMD__acc_num", "additional_sources": ["HGMD__disease", "HGMD__tag"], "target": "external.HGMD"}]}}]$legacy$::json,
$legacy$[{"section": "frequency", "template": "frequencyDetails", "source": "frequencies.GNOMAD_EXOMES", "url": "http://gnomad.broadinstitute.org/variant/${allele.chromosome}-${allele.vcf_pos}-${allele.vcf_ref}-${allele.vcf_alt}", "url_empty": "http://gnomad.broadinstitute.org/region/${allele.chromosome}-${allele.vcf_pos-10}-${allele.open_end_position+10}", "config": {"key_column": "pop", "columns": {"count": "COUNT", "num": "NUM", "hom": "HOM", "hemi": "HEMI", "freq": "FREQ"}, "rows": {"AFR": "AFR", "AMR": "AMR", "ASJ": "ASJ", "EAS": "EA", "FIN": "E(F)", "NFE": "E(NF)", "OTH": "OTH", "SAS": "SA", "G": "TOT"}, "precision": 6, "scientific_threshold": 4, "warnings": "filter"}}, {"section": "frequency", "template": "frequencyDetails", "source": "frequencies.GNOMAD_GENOMES", "url": "http://gnomad.broadinstitute.org/variant/${allele.chromosome}-${allele.vcf_pos}-${allele.vcf_ref}-${allele.vcf_alt}", "url_empty": "http://gnomad.broadinstitute.org/region/${allele.chromosome}-${allele.vcf_pos-10}-${allele.open_end_position+10}", "config": {"key_column": "pop", "columns": {"count": "COUNT", "num": "NUM", "hom": "HOM", "hemi": "HEMI", "freq": "FREQ"}, "rows": {"AFR": "AFR", "AMR": "AMR", "ASJ": "ASJ", "EAS": "EA", "FIN": "E(F)", "NFE": "E(NF)", "OTH": "OTH", "SAS": "SA", "G": "TOT"}, "precision": 6, "scientific_threshold": 4}}, {"section": "frequency", "template": "frequencyDetails", "source": "frequencies.ExAC", "url": "http://exac.broadinstitute.org/variant/${allele.chromosome}-${allele.vcf_pos}-${allele.vcf_ref}-${allele.vcf_alt}", "config": {"key_column": "pop", "columns": {"count": "COUNT", "num": "NUM", "hom": "HOM", "hemi": "HEMI", "freq": "FREQ"}, "rows": {"AFR": "AFR", "FIN": "E(F)", "NFE": "E(NF)", "EAS": "EA", "AMR": "LAT", "OTH": "OTH", "SAS": "SA", "G": "TOT"}, "precision": 6, "scientific_threshold": 4}}, {"section": "frequency", "template": "frequencyDetails", "source": "frequencies.inDB", "config": {"key_column": "pop", "columns": {"count": "COUNT", "num": "NUM", "hom": "HOM", "freq": "FREQ"}, "rows": {"OUSWES": "OUSWES", "OUSWGS": "OUSWGS"}, "indications": {"keys": ["OUSWES", "OUSWGS"], "threshold": 10}}}, {"section": "frequency", "template": "itemList", "source": "filtered", "title": "dbSNP", "config": {"items": [{"type": "objects", "key": "dbsnp", "url": "http://www.ncbi.nlm.nih.gov/projects/SNP/snp_ref.cgi?rs=${attrs.linkText}"}]}}, {"section": "external", "template": "clinvarDetails", "source": "external.CLINVAR", "url": "https://www.ncbi.nlm.nih.gov/clinvar/variation/${allele.annotation.external.CLINVAR.variant_id}", "url_empty": "https://www.ncbi.nlm.nih.gov/clinvar/?term=${allele.chromosome}[chr]+AND+${allele.vcf_pos-100}%3A${allele.vcf_pos+100}[chrpos37]", "config": {}}, {"section": "external", "template": "itemList", "source": "external.HGMD", "title": "HGMD PRO", "url": "https://my.qiagendigitalinsights.com/bbp/view/hgmd/pro/mut.php?acc=${allele.annotation.external.HGMD.acc_num}", "config": {"items": [{"subsource": "tag"}, {"subsource": "disease"}, {"subsource": "acc_num"}]}}]$legacy$::json,
now());
