//! ELLA's box tables (cli.md §4.4): columns as wide as their widest cell, `| a | b | ` rows.

use std::fmt::Write as _;

/// Renders `rows` under `headers` in ELLA's box layout.
pub fn box_table(headers: &[&str], rows: &[Vec<String>]) -> String {
    let widths: Vec<usize> = headers
        .iter()
        .enumerate()
        .map(|(column, header)| {
            rows.iter()
                .map(|row| row[column].chars().count())
                .chain([header.chars().count()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let dashes = "-".repeat(widths.iter().sum::<usize>() + 3 * widths.len() - 1);
    let line = |cells: &mut dyn Iterator<Item = &str>| {
        let mut text = String::from("| ");
        for (cell, width) in cells.zip(&widths) {
            let _ = write!(text, "{cell:<width$} | ");
        }
        text
    };
    let mut lines = vec![format!("┌{dashes}┐")];
    lines.push(line(&mut headers.iter().copied()));
    lines.push(format!("|{dashes}|"));
    for row in rows {
        lines.push(line(&mut row.iter().map(String::as_str)));
    }
    lines.push(format!("└{dashes}┘"));
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_fit_the_widest_cell() {
        let table = box_table(&["id", "name"], &[vec!["1".into(), "Default".into()]]);
        assert_eq!(
            table,
            "┌--------------┐\n| id | name    | \n|--------------|\n| 1  | Default | \n└--------------┘"
        );
    }
}
