//! `ella-cli filterconfigs ...`: which filter chains user groups may use (cli.md §4.4).

use anyhow::Result;
use diesel::{Connection, PgConnection};
use ella_db::filterconfig::{active_links, ActiveFilterconfigLink};
use ella_deposit::fixtures::filterconfigs::{
    deactivate_filterconfig, deposit_filterconfigs, plan_deactivation, DeactivationPlan,
    FilterconfigSummary,
};
use ella_deposit::fixtures::{python_repr, JsonFixture};

use crate::cli::FilterconfigsCommand;
use crate::context::Context;
use crate::table::box_table;

/// Runs one `filterconfigs` command.
pub fn run(command: FilterconfigsCommand, ctx: &Context) -> Result<()> {
    match command {
        FilterconfigsCommand::Update { filterconfigs } => {
            ctx.audited("filterconfigs", "update", true, |audit| {
                let fixture = JsonFixture::read(&filterconfigs)?;
                let table = ctx.connect()?.transaction(|conn| -> Result<String> {
                    let summary = deposit_filterconfigs(conn, &fixture, &ctx.config)?;
                    summary_table(conn, &summary)
                })?;
                audit.say("");
                audit.say("Summary:");
                audit.say("");
                audit.say(table);
                Ok(())
            })
        }
        FilterconfigsCommand::Deactivate { filterconfig_id } => {
            ctx.audited("filterconfigs", "deactivate", true, |audit| {
                let mut conn = ctx.connect()?;
                conn.transaction(|conn| -> Result<()> {
                    match plan_deactivation(conn, filterconfig_id)? {
                        DeactivationPlan::AlreadyInactive(message) => audit.say(message),
                        DeactivationPlan::Confirm { label, warnings } => {
                            for warning in warnings {
                                audit.say(warning);
                            }
                            let question = format!(
                                "Are you sure you want to deactivate filter config {label}?"
                            );
                            if ctx.prompter.confirm_y(&question)? {
                                audit.say(deactivate_filterconfig(conn, filterconfig_id)?);
                            } else {
                                audit.say("Lacking confirmation, aborting...");
                            }
                        }
                    }
                    Ok(())
                })
            })
        }
        FilterconfigsCommand::List => {
            let links = active_links(&mut ctx.connect()?)?;
            let rows: Vec<Vec<String>> = links
                .iter()
                .map(|link| {
                    vec![
                        link.filterconfig_id.to_string(),
                        link.name.clone(),
                        link.order.to_string(),
                        link.usergroup.clone(),
                        python_repr(&link.requirements),
                    ]
                })
                .collect();
            println!("\nCurrent active filterconfigs:\n");
            println!(
                "{}",
                box_table(&["id", "name", "order", "usergroup", "requirements"], &rows)
            );
            Ok(())
        }
    }
}

/// ELLA's summary after a deposit: every active config per linked group and what changed.
fn summary_table(conn: &mut PgConnection, summary: &FilterconfigSummary) -> Result<String> {
    let links = active_links(conn)?;
    let row = |link: &ActiveFilterconfigLink| {
        vec![
            link.name.clone(),
            link.order.to_string(),
            link.usergroup.clone(),
            summary.change(link).to_owned(),
        ]
    };
    let rows: Vec<Vec<String>> = links.iter().map(row).collect();
    Ok(box_table(&["name", "order", "usergroup", "change"], &rows))
}
