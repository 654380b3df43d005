// @generated automatically by Diesel CLI.

pub mod sql_types {
    #[derive(diesel::query_builder::QueryId, diesel::sql_types::SqlType)]
    #[diesel(postgres_type(name = "alleleassessment_classification"))]
    pub struct AlleleassessmentClassification;

    #[derive(diesel::query_builder::QueryId, diesel::sql_types::SqlType)]
    #[diesel(postgres_type(name = "alleleinterpretation_workflow_status"))]
    pub struct AlleleinterpretationWorkflowStatus;

    #[derive(diesel::query_builder::QueryId, diesel::sql_types::SqlType)]
    #[diesel(postgres_type(name = "analysisinterpretation_workflow_status"))]
    pub struct AnalysisinterpretationWorkflowStatus;

    #[derive(diesel::query_builder::QueryId, diesel::sql_types::SqlType)]
    #[diesel(postgres_type(name = "caller_type"))]
    pub struct CallerType;

    #[derive(diesel::query_builder::QueryId, diesel::sql_types::SqlType)]
    #[diesel(postgres_type(name = "change_type"))]
    pub struct ChangeType;

    #[derive(diesel::query_builder::QueryId, diesel::sql_types::SqlType)]
    #[diesel(postgres_type(name = "genotypesampledata_type"))]
    pub struct GenotypesampledataType;

    #[derive(diesel::query_builder::QueryId, diesel::sql_types::SqlType)]
    #[diesel(postgres_type(name = "interpretation_status"))]
    pub struct InterpretationStatus;

    #[derive(diesel::query_builder::QueryId, diesel::sql_types::SqlType)]
    #[diesel(postgres_type(name = "interpretationsnapshot_filtered"))]
    pub struct InterpretationsnapshotFiltered;

    #[derive(diesel::query_builder::QueryId, diesel::sql_types::SqlType)]
    #[diesel(postgres_type(name = "job_status"))]
    pub struct JobStatus;

    #[derive(diesel::query_builder::QueryId, diesel::sql_types::SqlType)]
    #[diesel(postgres_type(name = "mode"))]
    pub struct Mode;

    #[derive(diesel::query_builder::QueryId, diesel::sql_types::SqlType)]
    #[diesel(postgres_type(name = "sample_sex"))]
    pub struct SampleSex;

    #[derive(diesel::query_builder::QueryId, diesel::sql_types::SqlType)]
    #[diesel(postgres_type(name = "sample_type"))]
    pub struct SampleType;

    #[derive(diesel::query_builder::QueryId, diesel::sql_types::SqlType)]
    #[diesel(postgres_type(name = "transcript_type"))]
    pub struct TranscriptType;

    #[derive(diesel::query_builder::QueryId, diesel::sql_types::SqlType)]
    #[diesel(postgres_type(name = "tsvector", schema = "pg_catalog"))]
    pub struct Tsvector;
}

diesel::table! {
    use diesel::sql_types::*;
    use super::sql_types::ChangeType;
    use super::sql_types::CallerType;

    allele (id) {
        id -> Int4,
        genome_reference -> Varchar,
        chromosome -> Varchar,
        start_position -> Int4,
        open_end_position -> Int4,
        change_from -> Varchar,
        change_to -> Varchar,
        change_type -> ChangeType,
        vcf_pos -> Int4,
        vcf_ref -> Varchar,
        vcf_alt -> Varchar,
        length -> Int4,
        caller_type -> CallerType,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use super::sql_types::AlleleassessmentClassification;

    alleleassessment (id) {
        id -> Int4,
        classification -> AlleleassessmentClassification,
        evaluation -> Nullable<Jsonb>,
        user_id -> Int4,
        date_created -> Timestamptz,
        date_superceeded -> Nullable<Timestamptz>,
        previous_assessment_id -> Nullable<Int4>,
        allele_id -> Int4,
        genepanel_name -> Varchar,
        genepanel_version -> Varchar,
        analysis_id -> Nullable<Int4>,
        annotation_id -> Nullable<Int4>,
        custom_annotation_id -> Nullable<Int4>,
        usergroup_id -> Nullable<Int4>,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use super::sql_types::InterpretationStatus;
    use super::sql_types::AlleleinterpretationWorkflowStatus;

    alleleinterpretation (id) {
        id -> Int4,
        genepanel_name -> Varchar,
        genepanel_version -> Varchar,
        user_state -> Nullable<Jsonb>,
        state -> Nullable<Jsonb>,
        status -> InterpretationStatus,
        date_last_update -> Timestamptz,
        date_created -> Timestamptz,
        allele_id -> Int4,
        user_id -> Nullable<Int4>,
        finalized -> Nullable<Bool>,
        workflow_status -> AlleleinterpretationWorkflowStatus,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use super::sql_types::InterpretationsnapshotFiltered;

    alleleinterpretationsnapshot (id) {
        id -> Int4,
        date_created -> Timestamptz,
        filtered -> Nullable<InterpretationsnapshotFiltered>,
        alleleinterpretation_id -> Int4,
        allele_id -> Int4,
        annotation_id -> Nullable<Int4>,
        customannotation_id -> Nullable<Int4>,
        alleleassessment_id -> Nullable<Int4>,
        allelereport_id -> Nullable<Int4>,
    }
}

diesel::table! {
    allelereport (id) {
        id -> Int4,
        evaluation -> Nullable<Jsonb>,
        user_id -> Int4,
        date_created -> Timestamptz,
        date_superceeded -> Nullable<Timestamptz>,
        previous_report_id -> Nullable<Int4>,
        allele_id -> Int4,
        analysis_id -> Nullable<Int4>,
        alleleassessment_id -> Nullable<Int4>,
        usergroup_id -> Nullable<Int4>,
    }
}

diesel::table! {
    analysis (id) {
        id -> Int4,
        name -> Varchar,
        genepanel_name -> Nullable<Varchar>,
        genepanel_version -> Nullable<Varchar>,
        warnings -> Nullable<Varchar>,
        report -> Nullable<Varchar>,
        date_deposited -> Timestamptz,
        properties -> Nullable<Jsonb>,
        date_requested -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use super::sql_types::InterpretationStatus;
    use super::sql_types::AnalysisinterpretationWorkflowStatus;

    analysisinterpretation (id) {
        id -> Int4,
        genepanel_name -> Varchar,
        genepanel_version -> Varchar,
        user_state -> Nullable<Jsonb>,
        state -> Nullable<Jsonb>,
        status -> InterpretationStatus,
        date_last_update -> Timestamptz,
        date_created -> Timestamptz,
        analysis_id -> Int4,
        user_id -> Nullable<Int4>,
        finalized -> Nullable<Bool>,
        workflow_status -> AnalysisinterpretationWorkflowStatus,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use super::sql_types::InterpretationsnapshotFiltered;

    analysisinterpretationsnapshot (id) {
        id -> Int4,
        date_created -> Timestamptz,
        filtered -> Nullable<InterpretationsnapshotFiltered>,
        analysisinterpretation_id -> Int4,
        allele_id -> Int4,
        annotation_id -> Nullable<Int4>,
        customannotation_id -> Nullable<Int4>,
        alleleassessment_id -> Nullable<Int4>,
        allelereport_id -> Nullable<Int4>,
    }
}

diesel::table! {
    annotation (id) {
        id -> Int4,
        allele_id -> Nullable<Int4>,
        annotations -> Nullable<Jsonb>,
        previous_annotation_id -> Nullable<Int4>,
        date_superceeded -> Nullable<Timestamptz>,
        date_created -> Timestamptz,
        schema_version -> Int4,
        annotation_config_id -> Int4,
    }
}

diesel::table! {
    annotationconfig (id) {
        id -> Int4,
        deposit -> Json,
        view -> Json,
        date_created -> Timestamptz,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use super::sql_types::JobStatus;
    use super::sql_types::Mode;

    annotationjob (id) {
        id -> Int4,
        task_id -> Nullable<Varchar>,
        status -> JobStatus,
        status_history -> Nullable<Jsonb>,
        mode -> Nullable<Mode>,
        data -> Nullable<Varchar>,
        message -> Nullable<Varchar>,
        user_id -> Nullable<Int4>,
        date_submitted -> Timestamptz,
        date_last_update -> Timestamptz,
        genepanel_name -> Nullable<Varchar>,
        genepanel_version -> Nullable<Varchar>,
        properties -> Nullable<Jsonb>,
        sample_id -> Nullable<Varchar>,
    }
}

diesel::table! {
    attachment (id) {
        id -> Int4,
        sha256 -> Nullable<Varchar>,
        filename -> Varchar,
        size -> Nullable<Int8>,
        date_created -> Timestamptz,
        mimetype -> Nullable<Varchar>,
        extension -> Nullable<Varchar>,
        user_id -> Int4,
    }
}

diesel::table! {
    broadcast (id) {
        id -> Int4,
        date_created -> Timestamptz,
        message -> Varchar,
        active -> Bool,
    }
}

diesel::table! {
    clilog (id) {
        id -> Int4,
        time -> Timestamptz,
        user -> Varchar,
        group -> Varchar,
        groupcommand -> Varchar,
        command -> Varchar,
        reason -> Nullable<Varchar>,
        output -> Varchar,
    }
}

diesel::table! {
    customannotation (id) {
        id -> Int4,
        annotations -> Nullable<Jsonb>,
        allele_id -> Nullable<Int4>,
        user_id -> Nullable<Int4>,
        previous_annotation_id -> Nullable<Int4>,
        date_superceeded -> Nullable<Timestamptz>,
        date_created -> Timestamptz,
    }
}

diesel::table! {
    filterconfig (id) {
        id -> Int4,
        name -> Varchar,
        #[sql_name = "filterconfig"]
        filterconfig_ -> Jsonb,
        active -> Bool,
        date_superceeded -> Nullable<Timestamptz>,
        previous_filterconfig_id -> Nullable<Int4>,
        requirements -> Jsonb,
        schema_version -> Int4,
    }
}

diesel::table! {
    gene (hgnc_id) {
        hgnc_id -> Int4,
        hgnc_symbol -> Varchar,
    }
}

diesel::table! {
    geneassessment (id) {
        id -> Int4,
        evaluation -> Nullable<Jsonb>,
        user_id -> Int4,
        usergroup_id -> Nullable<Int4>,
        date_created -> Timestamptz,
        genepanel_name -> Varchar,
        genepanel_version -> Varchar,
        date_superceeded -> Nullable<Timestamptz>,
        previous_assessment_id -> Nullable<Int4>,
        gene_id -> Int4,
        analysis_id -> Nullable<Int4>,
    }
}

diesel::table! {
    genepanel (name, version) {
        name -> Varchar,
        version -> Varchar,
        genome_reference -> Varchar,
        official -> Bool,
        date_created -> Timestamptz,
        user_id -> Nullable<Int4>,
    }
}

diesel::table! {
    genotype (id) {
        id -> Int4,
        allele_id -> Int4,
        secondallele_id -> Nullable<Int4>,
        sample_id -> Int4,
        variant_quality -> Nullable<Int4>,
        filter_status -> Nullable<Varchar>,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use super::sql_types::GenotypesampledataType;

    genotypesampledata (id) {
        id -> Int4,
        genotype_id -> Int4,
        secondallele -> Bool,
        multiallelic -> Bool,
        #[sql_name = "type"]
        type_ -> GenotypesampledataType,
        sample_id -> Int4,
        genotype_quality -> Nullable<Int2>,
        sequencing_depth -> Nullable<Int2>,
        genotype_likelihood -> Nullable<Array<Nullable<Int4>>>,
        allele_depth -> Nullable<Jsonb>,
        allele_ratio -> Nullable<Float8>,
        copy_number -> Nullable<Int2>,
    }
}

diesel::table! {
    interpretationlog (id) {
        id -> Int4,
        alleleinterpretation_id -> Nullable<Int4>,
        analysisinterpretation_id -> Nullable<Int4>,
        user_id -> Nullable<Int4>,
        date_created -> Timestamptz,
        message -> Nullable<Varchar>,
        priority -> Nullable<Int4>,
        review_comment -> Nullable<Varchar>,
        warning_cleared -> Nullable<Bool>,
        alleleassessment_id -> Nullable<Int4>,
        allelereport_id -> Nullable<Int4>,
    }
}

diesel::table! {
    interpretationstatehistory (id) {
        id -> Int4,
        alleleinterpretation_id -> Nullable<Int4>,
        analysisinterpretation_id -> Nullable<Int4>,
        user_id -> Int4,
        date_created -> Timestamptz,
        state -> Jsonb,
    }
}

diesel::table! {
    jsonschema (id) {
        id -> Int4,
        name -> Varchar,
        version -> Int4,
        schema -> Jsonb,
    }
}

diesel::table! {
    phenotype (id) {
        id -> Int4,
        gene_id -> Int4,
        description -> Varchar,
        inheritance -> Varchar,
        omim_id -> Nullable<Int4>,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use super::sql_types::Tsvector;

    reference (id) {
        id -> Int4,
        authors -> Nullable<Varchar>,
        title -> Nullable<Varchar>,
        journal -> Nullable<Varchar>,
        #[sql_name = "abstract"]
        abstract_ -> Nullable<Varchar>,
        year -> Nullable<Varchar>,
        pubmed_id -> Nullable<Int4>,
        published -> Bool,
        attachment_id -> Nullable<Int4>,
        search -> Nullable<Tsvector>,
    }
}

diesel::table! {
    referenceassessment (id) {
        id -> Int4,
        reference_id -> Int4,
        evaluation -> Nullable<Jsonb>,
        user_id -> Int4,
        date_created -> Timestamptz,
        date_superceeded -> Nullable<Timestamptz>,
        genepanel_name -> Varchar,
        genepanel_version -> Varchar,
        allele_id -> Int4,
        previous_assessment_id -> Nullable<Int4>,
        analysis_id -> Nullable<Int4>,
        usergroup_id -> Nullable<Int4>,
    }
}

diesel::table! {
    resourcelog (id) {
        id -> Int4,
        remote_addr -> Inet,
        time -> Timestamptz,
        duration -> Int4,
        usersession_id -> Nullable<Int4>,
        method -> Varchar,
        resource -> Varchar,
        query -> Varchar,
        response -> Nullable<Varchar>,
        response_size -> Int4,
        payload -> Nullable<Varchar>,
        payload_size -> Int4,
        statuscode -> Int4,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use super::sql_types::SampleType;
    use super::sql_types::SampleSex;

    sample (id) {
        id -> Int4,
        identifier -> Varchar,
        analysis_id -> Int4,
        sample_type -> SampleType,
        date_deposited -> Timestamptz,
        affected -> Bool,
        family_id -> Nullable<Varchar>,
        father_id -> Nullable<Int4>,
        mother_id -> Nullable<Int4>,
        sibling_id -> Nullable<Int4>,
        proband -> Bool,
        sex -> Nullable<SampleSex>,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use super::sql_types::TranscriptType;

    transcript (id) {
        id -> Int4,
        gene_id -> Int4,
        transcript_name -> Varchar,
        #[sql_name = "type"]
        type_ -> TranscriptType,
        genome_reference -> Varchar,
        chromosome -> Varchar,
        tx_start -> Int4,
        tx_end -> Int4,
        #[max_length = 1]
        strand -> Varchar,
        cds_start -> Nullable<Int4>,
        cds_end -> Nullable<Int4>,
        exon_starts -> Array<Nullable<Int4>>,
        exon_ends -> Array<Nullable<Int4>>,
        tags -> Nullable<Array<Nullable<Text>>>,
    }
}

diesel::table! {
    uiexception (id) {
        id -> Int4,
        time -> Timestamptz,
        usersession_id -> Nullable<Int4>,
        message -> Varchar,
        location -> Nullable<Varchar>,
        stacktrace -> Nullable<Varchar>,
        state -> Nullable<Jsonb>,
    }
}

diesel::table! {
    user (id) {
        id -> Int4,
        username -> Varchar,
        first_name -> Varchar,
        last_name -> Varchar,
        group_id -> Int4,
        password -> Varchar,
        password_expiry -> Timestamptz,
        active -> Bool,
        incorrect_logins -> Int4,
        config -> Nullable<Jsonb>,
        email -> Nullable<Varchar>,
    }
}

diesel::table! {
    usergroup (id) {
        id -> Int4,
        name -> Varchar,
        config -> Nullable<Jsonb>,
        default_import_genepanel_name -> Nullable<Varchar>,
        default_import_genepanel_version -> Nullable<Varchar>,
    }
}

diesel::table! {
    usergroupfilterconfig (id) {
        id -> Int4,
        usergroup_id -> Int4,
        filterconfig_id -> Int4,
        order -> Int4,
    }
}

diesel::table! {
    useroldpassword (id) {
        id -> Int4,
        user_id -> Nullable<Int4>,
        password -> Varchar,
        expired -> Timestamptz,
    }
}

diesel::table! {
    usersession (id) {
        id -> Int4,
        user_id -> Nullable<Int4>,
        token -> Varchar,
        issued -> Timestamptz,
        lastactivity -> Timestamptz,
        expires -> Timestamptz,
        logged_out -> Nullable<Timestamptz>,
    }
}

diesel::joinable!(alleleassessment -> allele (allele_id));
diesel::joinable!(alleleassessment -> analysis (analysis_id));
diesel::joinable!(alleleassessment -> annotation (annotation_id));
diesel::joinable!(alleleassessment -> customannotation (custom_annotation_id));
diesel::joinable!(alleleassessment -> user (user_id));
diesel::joinable!(alleleassessment -> usergroup (usergroup_id));
diesel::joinable!(alleleinterpretation -> allele (allele_id));
diesel::joinable!(alleleinterpretation -> user (user_id));
diesel::joinable!(alleleinterpretationsnapshot -> allele (allele_id));
diesel::joinable!(alleleinterpretationsnapshot -> alleleassessment (alleleassessment_id));
diesel::joinable!(alleleinterpretationsnapshot -> alleleinterpretation (alleleinterpretation_id));
diesel::joinable!(alleleinterpretationsnapshot -> allelereport (allelereport_id));
diesel::joinable!(alleleinterpretationsnapshot -> annotation (annotation_id));
diesel::joinable!(alleleinterpretationsnapshot -> customannotation (customannotation_id));
diesel::joinable!(allelereport -> allele (allele_id));
diesel::joinable!(allelereport -> alleleassessment (alleleassessment_id));
diesel::joinable!(allelereport -> analysis (analysis_id));
diesel::joinable!(allelereport -> user (user_id));
diesel::joinable!(allelereport -> usergroup (usergroup_id));
diesel::joinable!(analysisinterpretation -> analysis (analysis_id));
diesel::joinable!(analysisinterpretation -> user (user_id));
diesel::joinable!(analysisinterpretationsnapshot -> allele (allele_id));
diesel::joinable!(analysisinterpretationsnapshot -> alleleassessment (alleleassessment_id));
diesel::joinable!(analysisinterpretationsnapshot -> allelereport (allelereport_id));
diesel::joinable!(analysisinterpretationsnapshot -> analysisinterpretation (analysisinterpretation_id));
diesel::joinable!(analysisinterpretationsnapshot -> annotation (annotation_id));
diesel::joinable!(analysisinterpretationsnapshot -> customannotation (customannotation_id));
diesel::joinable!(annotation -> allele (allele_id));
diesel::joinable!(annotation -> annotationconfig (annotation_config_id));
diesel::joinable!(annotationjob -> user (user_id));
diesel::joinable!(attachment -> user (user_id));
diesel::joinable!(customannotation -> allele (allele_id));
diesel::joinable!(customannotation -> user (user_id));
diesel::joinable!(geneassessment -> analysis (analysis_id));
diesel::joinable!(geneassessment -> gene (gene_id));
diesel::joinable!(geneassessment -> user (user_id));
diesel::joinable!(geneassessment -> usergroup (usergroup_id));
diesel::joinable!(genepanel -> user (user_id));
diesel::joinable!(genotype -> sample (sample_id));
diesel::joinable!(genotypesampledata -> genotype (genotype_id));
diesel::joinable!(genotypesampledata -> sample (sample_id));
diesel::joinable!(interpretationlog -> alleleassessment (alleleassessment_id));
diesel::joinable!(interpretationlog -> alleleinterpretation (alleleinterpretation_id));
diesel::joinable!(interpretationlog -> allelereport (allelereport_id));
diesel::joinable!(interpretationlog -> analysisinterpretation (analysisinterpretation_id));
diesel::joinable!(interpretationlog -> user (user_id));
diesel::joinable!(interpretationstatehistory -> alleleinterpretation (alleleinterpretation_id));
diesel::joinable!(interpretationstatehistory -> analysisinterpretation (analysisinterpretation_id));
diesel::joinable!(interpretationstatehistory -> user (user_id));
diesel::joinable!(phenotype -> gene (gene_id));
diesel::joinable!(reference -> attachment (attachment_id));
diesel::joinable!(referenceassessment -> allele (allele_id));
diesel::joinable!(referenceassessment -> analysis (analysis_id));
diesel::joinable!(referenceassessment -> reference (reference_id));
diesel::joinable!(referenceassessment -> user (user_id));
diesel::joinable!(referenceassessment -> usergroup (usergroup_id));
diesel::joinable!(resourcelog -> usersession (usersession_id));
diesel::joinable!(sample -> analysis (analysis_id));
diesel::joinable!(transcript -> gene (gene_id));
diesel::joinable!(uiexception -> usersession (usersession_id));
diesel::joinable!(user -> usergroup (group_id));
diesel::joinable!(usergroupfilterconfig -> filterconfig (filterconfig_id));
diesel::joinable!(usergroupfilterconfig -> usergroup (usergroup_id));
diesel::joinable!(useroldpassword -> user (user_id));
diesel::joinable!(usersession -> user (user_id));

diesel::allow_tables_to_appear_in_same_query!(
    allele,
    alleleassessment,
    alleleinterpretation,
    alleleinterpretationsnapshot,
    allelereport,
    analysis,
    analysisinterpretation,
    analysisinterpretationsnapshot,
    annotation,
    annotationconfig,
    annotationjob,
    attachment,
    broadcast,
    clilog,
    customannotation,
    filterconfig,
    gene,
    geneassessment,
    genepanel,
    genotype,
    genotypesampledata,
    interpretationlog,
    interpretationstatehistory,
    jsonschema,
    phenotype,
    reference,
    referenceassessment,
    resourcelog,
    sample,
    transcript,
    uiexception,
    user,
    usergroup,
    usergroupfilterconfig,
    useroldpassword,
    usersession,
);
