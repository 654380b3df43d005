//! What every command gets: the configuration, the database URL, the prompts and the command
//! line for the audit log.

use anyhow::Result;
use diesel::PgConnection;
use ella_config::{Config, DatabaseUrl};

use crate::audit::{run_audited, Audit, AuditedCommand};
use crate::cli::Cli;
use crate::prompt::Prompter;

/// Loaded once in `main` and passed to the command.
pub struct Context {
    /// The application config (`ELLA_CONFIG`).
    pub config: Config,
    /// `DB_URL`.
    pub db_url: DatabaseUrl,
    /// Questions to the operator.
    pub prompter: Prompter,
    /// All arguments after the program name, for `clilog.command`.
    pub command_line: String,
}

impl Context {
    /// Reads the environment.
    pub fn from_env(cli: &Cli, command_line: String) -> Result<Self> {
        Ok(Self {
            config: Config::from_env()?,
            db_url: DatabaseUrl::from_env()?,
            prompter: Prompter::new(cli.reason.clone(), cli.yes),
            command_line,
        })
    }

    /// A connection to `DB_URL`.
    pub fn connect(&self) -> Result<PgConnection> {
        Ok(ella_db::connect(&self.db_url)?)
    }

    /// Runs `body` as the audited command `group name`, asking for a reason first when
    /// `ask_reason` is set.
    pub fn audited(
        &self,
        group: &str,
        name: &str,
        ask_reason: bool,
        body: impl FnOnce(&mut Audit) -> Result<()>,
    ) -> Result<()> {
        let reason = if ask_reason {
            self.prompter.reason()?
        } else {
            None
        };
        run_audited(
            &self.db_url,
            &AuditedCommand {
                group,
                name,
                command_line: &self.command_line,
                reason: reason.as_deref(),
            },
            body,
        )
    }
}
