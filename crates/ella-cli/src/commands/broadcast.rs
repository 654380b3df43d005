//! `ella-cli broadcast ...`: banner messages for all users (cli.md §4.6).

use anyhow::Result;
use ella_db::broadcast::{self, BroadcastSelection};

use crate::cli::BroadcastCommand;
use crate::context::Context;

/// Runs one `broadcast` command.
pub fn run(command: BroadcastCommand, ctx: &Context) -> Result<()> {
    match command {
        BroadcastCommand::List { all, tail } => {
            let selection = match (all, tail) {
                (_, true) => BroadcastSelection::Latest,
                (true, false) => BroadcastSelection::All,
                (false, false) => BroadcastSelection::Active,
            };
            print_messages(&broadcast::list(&mut ctx.connect()?, selection)?);
            Ok(())
        }
        BroadcastCommand::New { message } => ctx.audited("broadcast", "new", false, |audit| {
            let message = message.join(" ");
            if message.trim().is_empty() {
                audit.say("Message empty");
                return Ok(());
            }
            let id = broadcast::create(&mut ctx.connect()?, &message)?;
            audit.say(format!("Message with id {id} added"));
            Ok(())
        }),
        BroadcastCommand::Deactivate { message_id } => {
            ctx.audited("broadcast", "deactivate", false, |audit| {
                if broadcast::deactivate(&mut ctx.connect()?, message_id)? {
                    audit.say(format!("Message with id {message_id} set as inactive"));
                } else {
                    audit.say(format!("Found no message with id {message_id}"));
                }
                Ok(())
            })
        }
    }
}

fn print_messages(messages: &[broadcast::Broadcast]) {
    if messages.is_empty() {
        println!("No messages");
        return;
    }
    let row = |id: &str, date: &str, active: &str, message: &str| {
        format!(" {id:^5} | {date:^33} | {active:<10} | {message:<80} |")
    };
    let header = row("id", "date", "active", "message");
    println!("{header}");
    println!("{}", "-".repeat(header.chars().count()));
    for message in messages {
        println!(
            "{}",
            row(
                &message.id.to_string(),
                &message.date_created.to_rfc3339(),
                &message.active.to_string(),
                &message.message
            )
        );
    }
}
