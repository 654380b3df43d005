//! `ella-cli deposit ...`: analyses, gene panels, references, panel access for groups (cli.md
//! §4.2).

use anyhow::{bail, Context as _, Result};
use diesel::Connection;
use ella_db::{genepanel, usergroup};
use ella_deposit::analysis::deposit_analysis;
use ella_deposit::analysis_config::AnalysisConfig;
use ella_deposit::fixtures::references::import_references;
use ella_deposit::genepanel::{self as panels, DepositOutcome};

use crate::cli::{DepositCommand, GenepanelArgs};
use crate::context::Context;

/// Runs one `deposit` command.
pub fn run(command: DepositCommand, ctx: &Context) -> Result<()> {
    match command {
        DepositCommand::Analysis { path } => ctx.audited("deposit", "analysis", false, |audit| {
            let deposited = ctx.connect()?.transaction(|conn| {
                deposit_analysis(conn, &AnalysisConfig::load(&path)?, &ctx.config)
            })?;
            audit.say(format!(
                "Analysis {} deposited successfully",
                deposited.name
            ));
            Ok(())
        }),
        DepositCommand::Genepanel(args) => ctx.audited("deposit", "genepanel", false, |audit| {
            let source = match &args.folder {
                Some(folder) => panels::source_from_folder(folder)?,
                None => files_source(&args)?,
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
        }),
        DepositCommand::References { references_json } => {
            ctx.audited("deposit", "references", false, |audit| {
                let text = std::fs::read_to_string(&references_json)
                    .with_context(|| format!("cannot read {}", references_json.display()))?;
                ctx.connect()?
                    .transaction(|conn| import_references(conn, &text, &references_json))?;
                audit.say("References imported successfully");
                Ok(())
            })
        }
        DepositCommand::AppendGenepanelToUsergroup {
            genepanel_name,
            genepanel_version,
            user_group_name,
        } => ctx.audited("deposit", "append_genepanel_to_usergroup", false, |audit| {
            let mut conn = ctx.connect()?;
            conn.transaction(|conn| -> Result<()> {
                if !genepanel::panel_exists(conn, &genepanel_name, &genepanel_version)? {
                    bail!("Genepanel ({genepanel_name},{genepanel_version}) does not exist");
                }
                let Some(group) = usergroup::find_by_name(conn, &user_group_name)? else {
                    bail!("User group {user_group_name} does not exist");
                };
                let panel = format!("({genepanel_name},{genepanel_version})");
                if usergroup::has_genepanel(conn, group.id, &genepanel_name, &genepanel_version)? {
                    audit.say(format!(
                        "Genepanel {panel} already exists in user group {user_group_name}"
                    ));
                } else {
                    usergroup::add_genepanel(conn, group.id, &genepanel_name, &genepanel_version)?;
                    audit.say(format!(
                        "Appended genepanel {panel} to user group {user_group_name}"
                    ));
                }
                Ok(())
            })
        }),
    }
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
