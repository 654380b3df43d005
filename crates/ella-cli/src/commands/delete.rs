//! `ella-cli delete ...`: removal of an analysis or of allele interpretation rounds, after a
//! reason and a `y` confirmation (cli.md §4.8).

use std::fmt::Write as _;

use anyhow::Result;
use diesel::Connection;
use ella_db::removal::{self, AlleleRound, AlleleRoundsToDelete};

use crate::audit::Audit;
use crate::cli::DeleteCommand;
use crate::context::Context;

/// Runs one `delete` command.
pub fn run(command: &DeleteCommand, ctx: &Context) -> Result<()> {
    match command {
        DeleteCommand::Analysis { analysis_id } => {
            ctx.audited("delete", "analysis", true, |audit| {
                delete_analysis(ctx, *analysis_id, audit)
            })
        }
        DeleteCommand::Alleleinterpretation {
            allele_id,
            delete_all,
        } => ctx.audited("delete", "alleleinterpretation", true, |audit| {
            delete_allele_rounds(ctx, *allele_id, *delete_all, audit)
        }),
    }
}

fn delete_analysis(ctx: &Context, id: i32, audit: &mut Audit) -> Result<()> {
    ctx.connect()?.transaction(|conn| -> Result<()> {
        let analysis = removal::analysis_to_delete(conn, id)?;
        let comment = match &analysis.overview_comment {
            Some(comment) => format!("overview comment '{comment}'"),
            None => "no overview comment".to_owned(),
        };
        let question = format!(
            "Are you sure you want to delete analysis {} with {comment} in workflow status: {} ({})",
            analysis.name,
            analysis.status.as_deref().unwrap_or_default(),
            analysis.workflow_status.as_deref().unwrap_or_default()
        );
        if !ctx.prompter.confirm_y(&question)? {
            audit.say("Lacking confirmation, aborting...");
            return Ok(());
        }
        removal::delete_analysis(conn, id)?;
        audit.say(format!("Analysis {id} ({}) deleted successfully", analysis.name));
        Ok(())
    })
}

fn delete_allele_rounds(
    ctx: &Context,
    allele_id: i32,
    delete_all: bool,
    audit: &mut Audit,
) -> Result<()> {
    ctx.connect()?.transaction(|conn| -> Result<()> {
        let plan = removal::allele_rounds_to_delete(conn, allele_id, delete_all)?;
        if plan.selected.is_empty() {
            audit.say("Nothing to delete!");
            return Ok(());
        }
        for line in describe(&plan) {
            audit.say(line);
        }
        let question = "Are you sure you want to delete these alleleinterpretations? ";
        if !ctx.prompter.confirm_y(question)? {
            audit.say("Lacking confirmation, aborting...");
            return Ok(());
        }
        let ids: Vec<i32> = plan.selected.iter().map(|round| round.id).collect();
        removal::delete_allele_rounds(conn, &ids)?;
        // "Interepretation" is ELLA's spelling.
        audit.say(format!(
            "Interepretation(s) for allele {allele_id} deleted successfully"
        ));
        Ok(())
    })
}

/// ELLA's listing of the allele and the rounds about to be deleted.
fn describe(plan: &AlleleRoundsToDelete) -> Vec<String> {
    let a = &plan.allele;
    let mut lines = vec![
        "Ready to delete interpretations for allele:".to_owned(),
        format!(
            "<Allele('{}','{}', '{}', '{}', '{}', '{}', '{}', '{}')>",
            a.chromosome,
            a.start_position,
            a.open_end_position,
            a.change_type,
            a.change_from,
            a.change_to,
            a.length,
            a.caller_type
        ),
    ];
    if plan.hgvsc.is_empty() {
        lines.push("(No available HGVSc annotations)".to_owned());
    } else {
        lines.extend(plan.hgvsc.iter().cloned());
    }
    lines.push(String::new());
    lines.push(match &plan.overview_comment {
        Some(comment) => format!("Overview comment '{comment}'"),
        None => "No overview comment".to_owned(),
    });
    lines.push(String::new());
    lines.push(String::new());
    lines.push("Interpretations to delete:".to_owned());
    for (index, round) in plan.selected.iter().enumerate() {
        lines.push(describe_round(plan.kept + index + 1, round));
    }
    lines
}

fn describe_round(number: usize, round: &AlleleRound) -> String {
    let mut line = format!("{number} - {}", round.workflow_status);
    if round.status == "Ongoing" {
        line.push_str(" (Ongoing)");
    } else if round.finalized == Some(true) {
        line.push_str(" (Finalized)");
    }
    if let (Some(first), Some(last)) = (&round.first_name, &round.last_name) {
        let _ = write!(
            line,
            " - {} - {}",
            abbreviated_name(first, last),
            round.date_last_update.format("%Y-%m-%d %H:%M")
        );
    }
    line
}

/// `H. Ibsen`: initials of the first name and of all but the last word of the last name.
fn abbreviated_name(first: &str, last: &str) -> String {
    let mut words: Vec<&str> = last.split_whitespace().collect();
    let surname = words.pop().unwrap_or_default();
    let mut abbreviated = String::new();
    for initial in std::iter::once(first)
        .chain(words)
        .filter_map(|word| word.chars().next())
    {
        let _ = write!(abbreviated, "{initial}. ");
    }
    abbreviated.push_str(surname);
    abbreviated
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_abbreviated_like_ella() {
        assert_eq!(abbreviated_name("Henrik", "Ibsen"), "H. Ibsen");
        assert_eq!(abbreviated_name("Ola", "van der Berg"), "O. v. d. Berg");
    }
}
