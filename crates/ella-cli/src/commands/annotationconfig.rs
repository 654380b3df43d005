//! `ella-cli annotationconfig ...`: the annotation config of new imports (cli.md §4.5).

use anyhow::{bail, Context as _, Result};
use diesel::Connection;
use ella_db::annotationconfig::active_annotation_config;
use ella_deposit::fixtures::annotationconfig::{
    deposit_annotation_config, parse_annotation_config,
};

use crate::cli::AnnotationconfigCommand;
use crate::context::Context;

/// Runs one `annotationconfig` command.
pub fn run(command: AnnotationconfigCommand, ctx: &Context) -> Result<()> {
    match command {
        AnnotationconfigCommand::Update { annotation_config } => {
            ctx.audited("annotationconfig", "update", true, |_audit| {
                let text = std::fs::read_to_string(&annotation_config)
                    .with_context(|| format!("cannot read {}", annotation_config.display()))?;
                let value = parse_annotation_config(&text, &annotation_config)?;
                ctx.connect()?.transaction(|conn| {
                    deposit_annotation_config(conn, &value, &annotation_config)
                })?;
                // ELLA prints this without auditing it.
                println!("Updated annotation config");
                Ok(())
            })
        }
        AnnotationconfigCommand::List => {
            let Some(active) = active_annotation_config(&mut ctx.connect()?)? else {
                bail!("No annotation config found");
            };
            println!("\nCurrent active annotationconfig:\n\nDeposit:\n");
            println!("{}", serde_json::to_string_pretty(&active.deposit)?);
            println!("View:\n");
            println!("{}", serde_json::to_string_pretty(&active.view)?);
            Ok(())
        }
    }
}
