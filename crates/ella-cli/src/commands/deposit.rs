//! `ella-cli deposit ...`: analyses, variants, annotation, gene panels, references, panel access
//! for groups (cli.md §4.2). Each command is audited and runs in one transaction.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context as _, Result};
use diesel::Connection;
use ella_db::{genepanel, usergroup};
use ella_deposit::analysis::{deposit_alleles, deposit_analysis, import_custom_annotation};
use ella_deposit::analysis_config::{parse_vcf_file_name, AnalysisConfig};
use ella_deposit::fixtures::references::import_references;
use ella_deposit::genepanel::{self as panels, DepositOutcome};

use crate::audit::Audit;
use crate::cli::{DepositCommand, GenepanelArgs};
use crate::context::Context;

/// Runs one `deposit` command.
pub fn run(command: DepositCommand, ctx: &Context) -> Result<()> {
    let name = match &command {
        DepositCommand::Exists { .. } => {
            // Not audited; the argument parser has checked that every path exists.
            println!("OK");
            return Ok(());
        }
        DepositCommand::Analysis { .. } => "analysis",
        DepositCommand::Alleles { .. } => "alleles",
        DepositCommand::Annotation { .. } => "annotation",
        DepositCommand::CustomAnnotation { .. } => "custom_annotation",
        DepositCommand::Genepanel(_) => "genepanel",
        DepositCommand::References { .. } => "references",
        DepositCommand::AppendGenepanelToUsergroup { .. } => "append_genepanel_to_usergroup",
    };
    ctx.audited("deposit", name, false, |audit| match command {
        DepositCommand::Analysis { path } => analysis(ctx, &path, audit),
        DepositCommand::Alleles {
            vcfs,
            genepanel_name,
            genepanel_version,
        } => alleles(ctx, &vcfs, genepanel_name.zip(genepanel_version), audit),
        DepositCommand::Annotation { vcf } => annotation(ctx, &vcf, audit),
        DepositCommand::CustomAnnotation {
            custom_annotation_json,
        } => custom_annotation(ctx, &custom_annotation_json, audit),
        DepositCommand::Genepanel(args) => gene_panel(ctx, &args, audit),
        DepositCommand::References { references_json } => references(ctx, &references_json, audit),
        DepositCommand::AppendGenepanelToUsergroup {
            genepanel_name,
            genepanel_version,
            user_group_name,
        } => append_genepanel(
            ctx,
            (&genepanel_name, &genepanel_version),
            &user_group_name,
            audit,
        ),
        DepositCommand::Exists { .. } => Ok(()),
    })
}

fn read_text(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))
}

fn analysis(ctx: &Context, path: &Path, audit: &mut Audit) -> Result<()> {
    let analysis = AnalysisConfig::load(path)?;
    let deposited = ctx
        .connect()?
        .transaction(|conn| deposit_analysis(conn, &analysis, &ctx.config))?;
    audit.say(format!(
        "Analysis {} deposited successfully",
        deposited.name
    ));
    Ok(())
}

/// Without a panel on the command line, ELLA takes it from the first file name for all files.
fn alleles(
    ctx: &Context,
    vcfs: &[PathBuf],
    panel: Option<(String, String)>,
    audit: &mut Audit,
) -> Result<()> {
    let (name, version) = match panel {
        Some(panel) => panel,
        None => panel_from_file_name(vcfs.first().map(PathBuf::as_path))?,
    };
    ctx.connect()?.transaction(|conn| -> Result<()> {
        for vcf in vcfs {
            deposit_alleles(conn, vcf, Some((&name, &version)), false, &ctx.config)?;
        }
        Ok(())
    })?;
    audit.say(format!("Deposited {} files.", vcfs.len()));
    Ok(())
}

fn annotation(ctx: &Context, vcf: &Path, audit: &mut Audit) -> Result<()> {
    let (name, version) = panel_from_file_name(Some(vcf))?;
    ctx.connect()?.transaction(|conn| -> Result<()> {
        if !genepanel::panel_exists(conn, &name, &version)? {
            bail!("Genepanel {name} version {version} not available in varDB");
        }
        deposit_alleles(conn, vcf, None, true, &ctx.config)?;
        Ok(())
    })?;
    audit.say("Annotation imported successfully");
    Ok(())
}

fn custom_annotation(ctx: &Context, path: &Path, audit: &mut Audit) -> Result<()> {
    let text = read_text(path)?;
    ctx.connect()?
        .transaction(|conn| import_custom_annotation(conn, &text, path))?;
    audit.say("Custom annotation imported successfully");
    Ok(())
}

fn gene_panel(ctx: &Context, args: &GenepanelArgs, audit: &mut Audit) -> Result<()> {
    let source = match &args.folder {
        Some(folder) => panels::source_from_folder(folder)?,
        None => files_source(args)?,
    };
    let panel = panels::read(&source)?;
    let outcome = ctx
        .connect()?
        .transaction(|conn| panels::deposit(conn, &panel, args.replace))?;
    match outcome {
        DepositOutcome::AlreadyExists { .. } => tracing::info!("{outcome}"),
        DepositOutcome::Deposited(_) => audit.say(outcome.to_string()),
    }
    Ok(())
}

fn references(ctx: &Context, path: &Path, audit: &mut Audit) -> Result<()> {
    let text = read_text(path)?;
    ctx.connect()?
        .transaction(|conn| import_references(conn, &text, path))?;
    audit.say("References imported successfully");
    Ok(())
}

fn append_genepanel(
    ctx: &Context,
    (name, version): (&str, &str),
    group_name: &str,
    audit: &mut Audit,
) -> Result<()> {
    ctx.connect()?.transaction(|conn| -> Result<()> {
        if !genepanel::panel_exists(conn, name, version)? {
            bail!("Genepanel ({name},{version}) does not exist");
        }
        let Some(group) = usergroup::find_by_name(conn, group_name)? else {
            bail!("User group {group_name} does not exist");
        };
        if usergroup::has_genepanel(conn, group.id, name, version)? {
            audit.say(format!(
                "Genepanel ({name},{version}) already exists in user group {group_name}"
            ));
        } else {
            usergroup::add_genepanel(conn, group.id, name, version)?;
            audit.say(format!(
                "Appended genepanel ({name},{version}) to user group {group_name}"
            ));
        }
        Ok(())
    })
}

/// The gene panel in a VCF file name, `<analysis>.<panel>_<version>.vcf` (ELLA's pattern).
fn panel_from_file_name(vcf: Option<&Path>) -> Result<(String, String)> {
    let Some(vcf) = vcf else {
        bail!("No VCF given");
    };
    let name = vcf
        .file_name()
        .and_then(|name| name.to_str())
        .unwrap_or_default();
    let parsed = parse_vcf_file_name(name).with_context(|| {
        format!("Cannot read the gene panel name and version from the file name {name}")
    })?;
    Ok((parsed.genepanel_name, parsed.genepanel_version))
}

/// The panel named by the four file options (ELLA's messages for missing paths).
fn files_source(args: &GenepanelArgs) -> Result<panels::GenepanelSource> {
    let Some(transcripts) = &args.transcripts_path else {
        bail!("Missing mandatory argument: path to transcript file");
    };
    let Some(phenotypes) = &args.phenotypes_path else {
        bail!("Missing mandatory argument: path to phenotypes file");
    };
    let (Some(name), Some(version)) = (&args.genepanel_name, &args.genepanel_version) else {
        bail!("Missing mandatory argument: --genepanel_name and --genepanel_version (or --folder)");
    };
    Ok(panels::source_from_files(
        name,
        version,
        transcripts,
        phenotypes,
    )?)
}
