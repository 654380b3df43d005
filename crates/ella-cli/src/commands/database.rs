//! `ella-cli database ...`: create, check and refresh the schema (cli.md §4.1, datamodel.md §10).

use anyhow::{bail, ensure, Result};
use diesel::{Connection, PgConnection};
use ella_db::migrations::{self, ELLA_HEAD_REVISION};
use ella_db::refresh;

use crate::audit::Audit;
use crate::cli::DatabaseCommand;
use crate::context::Context;
use crate::prompt::Prompter;

/// Runs one `database` command.
pub fn run(command: DatabaseCommand, ctx: &Context) -> Result<()> {
    match command {
        DatabaseCommand::Drop(force) => {
            confirm_wipe(ctx, force.force)?;
            migrations::drop_public_schema(&mut ctx.connect()?)?;
            println!("Database dropped!");
            Ok(())
        }
        DatabaseCommand::Make(force) => {
            confirm_wipe(ctx, force.force)?;
            create_schema(ctx, &mut ctx.connect()?)?;
            println!("Tables should now have been created.");
            Ok(())
        }
        DatabaseCommand::MakeProduction(force) => {
            confirm_wipe(ctx, force.force)?;
            let mut conn = ctx.connect()?;
            ensure!(
                migrations::public_schema_is_empty(&mut conn)?,
                "Database schema 'public' is not empty."
            );
            create_schema(ctx, &mut conn)?;
            println!("All done!");
            println!("Tables should now have been created.");
            Ok(())
        }
        DatabaseCommand::Refresh(force) => ctx.audited("database", "refresh", false, |audit| {
            refresh_shadow_tables(ctx, force.force, audit)
        }),
        DatabaseCommand::Compare => compare(&mut ctx.connect()?),
        DatabaseCommand::Current => {
            if let Some(revision) = migrations::alembic_revision(&mut ctx.connect()?)? {
                let head = if revision == ELLA_HEAD_REVISION {
                    " (head)"
                } else {
                    ""
                };
                println!("{revision}{head}");
            }
            println!();
            Ok(())
        }
        DatabaseCommand::Upgrade { revision } => {
            ctx.audited("database", "upgrade", false, |audit| {
                upgrade(ctx, &revision, audit)
            })
        }
    }
}

fn confirm_wipe(ctx: &Context, force: bool) -> Result<()> {
    let prompt = format!(
        "THIS WILL WIPE OUT {} COMPLETELY! \nAre you sure you want to proceed? Type 'CONFIRM' to confirm.\n",
        ctx.db_url
    );
    if !Prompter::confirm_word(&prompt, force)? {
        println!("Lacking confirmation, aborting...");
        bail!("Lacking confirmation, aborting...");
    }
    Ok(())
}

/// Migrations, then the refresh that builds the config-dependent parts.
fn create_schema(ctx: &Context, conn: &mut PgConnection) -> Result<()> {
    migrations::run_pending_migrations(conn)?;
    println!("Refreshing shadow tables and (re)creating triggers.");
    let groups = &ctx.config.settings.frequencies.groups;
    conn.transaction(|conn| refresh::refresh(conn, groups))?;
    Ok(())
}

fn refresh_shadow_tables(ctx: &Context, force: bool, audit: &mut Audit) -> Result<()> {
    let groups = &ctx.config.settings.frequencies.groups;
    let mut conn = ctx.connect()?;
    conn.transaction(|conn| -> Result<()> {
        audit.say(
            "Creating temporary shadow tables and (re)creating triggers. This can take some time...",
        );
        refresh::build_temporary_tables(conn, groups)?;
        refresh::check_frequency_groups(conn, groups)?;
        audit.say("Done!");
        let prompt = "Ready to replace existing shadow tables. Make sure ELLA is not running \
                      before continuing.\nType 'CONFIRM' to confirm.\n";
        if !Prompter::confirm_word(prompt, force)? {
            audit.say("Lacking confirmation, aborting...");
            bail!("Lacking confirmation, aborting...");
        }
        audit.say("Replacing existing tables with created temporary tables");
        refresh::swap_in_temporary_tables(conn, groups)?;
        Ok(())
    })?;
    refresh::analyze(&mut conn)?;
    let counts = refresh::shadow_counts(&mut conn)?;
    audit.say(format!(
        "AnnotationShadowTranscript count: {}",
        counts.transcripts
    ));
    audit.say(format!(
        "AnnotationShadowFrequency count: {}",
        counts.frequencies
    ));
    audit.say("Shadow tables should now have been refreshed. ELLA can now be restarted again");
    Ok(())
}

/// ELLA's check before starting: the database must be at this version's revision. Pending
/// migrations of ours count as a mismatch too, so an old schema never meets new code.
fn compare(conn: &mut PgConnection) -> Result<()> {
    let revision = migrations::alembic_revision(conn)?;
    println!("Database HEAD: {}", revision.as_deref().unwrap_or("None"));
    println!("Migration script HEAD: {ELLA_HEAD_REVISION}");
    if revision.as_deref() != Some(ELLA_HEAD_REVISION) {
        println!("Database HEAD does not match migration script HEAD!");
        bail!("Database HEAD does not match migration script HEAD!");
    }
    let pending = migrations::pending_migrations(conn)?;
    if !pending.is_empty() {
        println!("Pending migrations: {}", pending.join(", "));
        println!("Database HEAD does not match migration script HEAD!");
        bail!("the database needs `ella-cli database upgrade head`");
    }
    println!("Migration status OK!");
    Ok(())
}

fn upgrade(ctx: &Context, revision: &str, audit: &mut Audit) -> Result<()> {
    ensure!(
        revision == "head" || revision == ELLA_HEAD_REVISION,
        "This version can only upgrade to head ({ELLA_HEAD_REVISION}); upgrade older ELLA \
         databases with ELLA v1.17's own tooling first"
    );
    let applied = migrations::run_pending_migrations(&mut ctx.connect()?)?;
    if applied.is_empty() {
        audit.say("Database is up to date.");
    }
    for name in applied {
        audit.say(format!("Applied migration {name}"));
    }
    Ok(())
}
