//! Audited commands: their messages are printed and collected, and one `clilog` row is written at
//! the end (also when the command fails) on a connection of its own, so that it survives the
//! command's rollback (cli.md §3).

use anyhow::{anyhow, Result};
use ella_config::DatabaseUrl;
use ella_db::clilog::{self, NewCliLog};

/// The messages of one audited command.
#[derive(Debug, Default)]
pub struct Audit {
    messages: Vec<String>,
}

impl Audit {
    /// Prints a message and records it.
    pub fn say(&mut self, message: impl Into<String>) {
        let message = message.into();
        println!("{message}");
        self.messages.push(message);
    }

    /// Records a message without printing it (e.g. a password replaced by stars).
    pub fn record_only(&mut self, message: impl Into<String>) {
        self.messages.push(message.into());
    }
}

/// Who runs the command: the first non-empty of `LOGNAME`, `USER`, `LNAME`, `USERNAME`, else the
/// account name of the process, as Python's `getpass.getuser()` looks it up.
fn operating_system_user() -> Option<String> {
    ["LOGNAME", "USER", "LNAME", "USERNAME"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.is_empty())
        .or_else(|| whoami::fallible::username().ok())
        .filter(|name| !name.is_empty())
}

/// What identifies an audited command in `clilog`.
pub struct AuditedCommand<'a> {
    /// Command group, e.g. `users`.
    pub group: &'a str,
    /// Sub-command, e.g. `lock`.
    pub name: &'a str,
    /// All arguments after the program name, space-joined.
    pub command_line: &'a str,
    /// The reason the operator gave, if asked.
    pub reason: Option<&'a str>,
}

/// Runs `body` as an audited command and writes its `clilog` row.
pub fn run_audited(
    db_url: &DatabaseUrl,
    command: &AuditedCommand<'_>,
    body: impl FnOnce(&mut Audit) -> Result<()>,
) -> Result<()> {
    let user = operating_system_user().ok_or_else(|| {
        anyhow!("Couldn't find your system username. A username is required for auditing purposes.")
    })?;
    let mut audit = Audit::default();
    let outcome = body(&mut audit);
    if let Err(error) = &outcome {
        audit.record_only(format!("{error:#}"));
    }
    let output = audit.messages.join("\n");
    let recorded = ella_db::connect(db_url).and_then(|mut conn| {
        clilog::record(
            &mut conn,
            &NewCliLog {
                user: &user,
                group: command.group,
                groupcommand: command.name,
                command: command.command_line,
                reason: command.reason,
                output: &output,
            },
        )
    });
    match (outcome, recorded) {
        (Err(error), Err(log_error)) => {
            tracing::warn!(error = %log_error, "the failed command could not be audited");
            Err(error)
        }
        (Err(error), Ok(())) => Err(error),
        (Ok(()), recorded) => Ok(recorded?),
    }
}
