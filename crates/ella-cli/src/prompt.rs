//! The interactive questions of ELLA's CLI, each with a flag that answers it up front.

use std::io::{BufRead, Write};

use anyhow::{bail, Result};

/// Asks the operator, or takes the answers given on the command line.
pub struct Prompter {
    reason: Option<String>,
    assume_yes: bool,
}

impl Prompter {
    /// `reason` answers the reason prompt, `assume_yes` every `y` confirmation.
    pub fn new(reason: Option<String>, assume_yes: bool) -> Self {
        Self { reason, assume_yes }
    }

    fn read_line(prompt: &str) -> Result<Option<String>> {
        print!("{prompt}");
        std::io::stdout().flush()?;
        let mut line = String::new();
        if std::io::stdin().lock().read_line(&mut line)? == 0 {
            return Ok(None);
        }
        Ok(Some(line.trim_end_matches(['\n', '\r']).to_owned()))
    }

    /// ELLA's optional reason (`Enter reason (optional): [None]: `): empty or `None` means no
    /// reason. End of input aborts, as click does.
    pub fn reason(&self) -> Result<Option<String>> {
        let answer = match &self.reason {
            Some(reason) => reason.clone(),
            None => match Self::read_line("Enter reason (optional): [None]: ")? {
                Some(answer) => answer,
                None => bail!("Aborted!"),
            },
        };
        let answer = answer.trim();
        Ok((!answer.is_empty() && answer != "None").then(|| answer.to_owned()))
    }

    /// A `y` confirmation after `question`; anything else declines.
    pub fn confirm_y(&self, question: &str) -> Result<bool> {
        if self.assume_yes {
            println!("{question}");
            return Ok(true);
        }
        let answer = Self::read_line(&format!("{question}\nType 'y' to confirm.\n"))?;
        Ok(answer.as_deref() == Some("y"))
    }

    /// A `CONFIRM` question of the `database` commands (`prompt` includes ELLA's "Type
    /// 'CONFIRM' to confirm."), skipped by `-f`.
    pub fn confirm_word(prompt: &str, force: bool) -> Result<bool> {
        if force {
            return Ok(true);
        }
        let answer = Self::read_line(prompt)?;
        Ok(answer.as_deref() == Some("CONFIRM"))
    }
}
