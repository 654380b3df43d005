-- Removes everything the baseline created, including what `database refresh` adds on top.
DROP TABLE IF EXISTS annotationshadowtranscript, annotationshadowfrequency CASCADE;
DROP FUNCTION IF EXISTS annotation_to_annotationshadow() CASCADE;
DROP FUNCTION IF EXISTS delete_annotationshadow(integer);
DROP FUNCTION IF EXISTS insert_annotationshadowtranscript(integer, jsonb);
DROP FUNCTION IF EXISTS insert_annotationshadowfrequency(integer, jsonb);
DROP TABLE interpretationlog, interpretationstatehistory, analysisinterpretationsnapshot, alleleinterpretationsnapshot, analysisinterpretation, alleleinterpretation, geneassessment, allelereport, alleleassessmentattachment, alleleassessmentreferenceassessment, referenceassessment, alleleassessment, genotypesampledata, genotype, sample, analysis, annotationjob, customannotation, annotation, reference, attachment, usergroupfilterconfig, filterconfig, uiexception, resourcelog, useroldpassword, usersession, usergroupimport, usergroupgenepanel, genepanel_phenotype, genepanel_transcript, genepanel, "user", usergroup, phenotype, transcript, gene, allele, clilog, broadcast, annotationconfig, jsonschema, alembic_version CASCADE;
DROP FUNCTION filterconfig_schema_version();
DROP FUNCTION annotation_schema_version();
DROP FUNCTION schema_version(jsonb, text, boolean);
DROP FUNCTION validate_json_schema(jsonb, jsonb, jsonb);
DROP FUNCTION _validate_json_schema_type(text, jsonb);
DROP TYPE alleleassessment_classification, alleleinterpretation_workflow_status, analysisinterpretation_workflow_status, caller_type, change_type, genotypesampledata_type, interpretation_status, interpretationsnapshot_filtered, job_status, mode, sample_sex, sample_type, transcript_type;
