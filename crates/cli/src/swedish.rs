//! The command line in Swedish: clap writes its help and its errors in English, so every
//! value name is given a Swedish word and clap's own words are put into Swedish before
//! anything is printed.

use std::process::ExitCode;

use clap::{Command, CommandFactory, FromArgMatches};

use crate::args::Cli;

/// The Swedish word for the value of an argument, by its name.
fn value_name(id: &str) -> Option<&'static str> {
    Some(match id {
        "data" | "dir" | "out" => "KATALOG",
        "file" | "files" | "csv" | "pdf" | "memo" => "FIL",
        "meeting" => "SAMMANTRÄDE",
        "paragraph" | "n" => "PARAGRAF",
        "body" | "bodies" | "parent" => "ORGAN",
        "person" | "chair" | "secretary" | "member" | "substitute" | "serving" | "adjusters" => {
            "PERSON"
        }
        "date" | "from" | "to" | "posted" | "adjusted" | "decided" | "enforced" | "closed"
        | "interrupted_from" | "interrupted_to" | "memo_date" => "DATUM",
        "start" | "end" => "TID",
        "name" | "username" | "admin_user" | "actor" => "NAMN",
        "role" => "ROLL",
        "period" => "PERIOD",
        "series" => "SERIE",
        "title" | "text" | "topic" | "intro" | "description" | "reason_text" | "reasons"
        | "ground" | "closed_why" => "TEXT",
        "place" | "storage" => "PLATS",
        "id" | "case" | "document" | "item" | "motion" => "ID",
        "addr" => "ADRESS",
        "party" => "PARTI",
        "municipality" => "KOMMUN",
        "org_nr" => "ORGNR",
        "dnr_pattern" | "pattern" => "MÖNSTER",
        "other" => "NAMN=TITEL",
        "clauses" | "att" | "yes_means" | "no_means" | "label" => "TEXT",
        "dispatch" => "MOTTAGARE",
        "yes" | "no" | "abstain" | "presenter" | "handler" | "presenters" => "NAMN",
        "method" => "SÄTT",
        "time" => "TIDPUNKT",
        "class" => "KOD",
        "quarter" => "KVARTAL",
        "level" => "NIVÅ",
        "kpi" => "NYCKELTAL",
        "unit" => "ENHET",
        "status" => "STATUS",
        "gender" => "KÖN",
        "reason" => "ORSAK",
        "service" => "INSATS",
        "email" => "E-POST",
        "short" => "KORTNAMN",
        "kind" => "SLAG",
        "position" => "POST",
        "term" => "MANDATPERIOD",
        "direction" => "RIKTNING",
        "offer" => "DATUM[:DATUM]",
        "target" | "tolerance" | "trend" => "VÄRDE",
        "facts" | "order" | "support" | "carried" => "VÄRDE",
        _ => return None,
    })
}

fn localise(cmd: Command) -> Command {
    cmd.subcommand_value_name("KOMMANDO")
        .mut_args(|a| match value_name(a.get_id().as_str()) {
            Some(v)
                if a.get_value_names().is_none_or(|n| {
                    n.iter().all(|x| {
                        x.as_str()
                            .chars()
                            .all(|c| c.is_ascii_uppercase() || c == '_')
                    })
                }) =>
            {
                a.value_name(v)
            }
            _ => a,
        })
        .mut_subcommands(localise)
}

/// The whole command line, with Swedish value names.
pub fn command() -> Command {
    localise(Cli::command())
}

/// Clap's English, in Swedish.
pub fn translate(text: &str) -> String {
    let mut t = text.to_string();
    for (en, sv) in [
        ("Usage:", "Användning:"),
        ("Commands:", "Kommandon:"),
        ("Options:", "Flaggor:"),
        ("Arguments:", "Argument:"),
        ("[OPTIONS]", "[FLAGGOR]"),
        ("<COMMAND>", "<KOMMANDO>"),
        (
            "Print this message or the help of the given subcommand(s)",
            "Visa hjälp för ett kommando",
        ),
        (
            "Print help (see more with '--help')",
            "Visa hjälp (mer med '--help')",
        ),
        (
            "Print help (see a summary with '-h')",
            "Visa hjälp (kortare med '-h')",
        ),
        ("Print help", "Visa hjälp"),
        ("Print version", "Visa versionen"),
        ("[default: ", "[standard: "),
        ("[env: ", "[miljövariabel: "),
        ("[possible values: ", "[möjliga värden: "),
        ("[aliases: ", "[även: "),
        ("error: ", "fel: "),
        (
            "For more information, try '--help'.",
            "Mer hjälp: '--help'.",
        ),
        ("unexpected argument", "okänt argument"),
        ("' found", "'"),
        (
            "the following required arguments were not provided:",
            "de här argumenten saknas:",
        ),
        ("invalid value", "ogiltigt värde"),
        ("for '", "för '"),
        ("unrecognized subcommand", "okänt kommando"),
        ("a value is required for", "ett värde behövs för"),
        ("but none was supplied", "men inget gavs"),
        ("tip: ", "tips: "),
        ("to pass", "för att ge"),
        ("as a value, use", "som värde, skriv"),
        ("some similar arguments exist:", "liknande argument finns:"),
        ("a similar argument exists:", "ett liknande argument finns:"),
        (
            "a similar subcommand exists:",
            "ett liknande kommando finns:",
        ),
        (
            "requires a subcommand but one was not provided",
            "behöver ett kommando",
        ),
        ("subcommands:", "kommandon:"),
        ("the argument", "argumentet"),
        ("cannot be used multiple times", "kan bara ges en gång"),
        ("cannot be used with", "kan inte ges tillsammans med"),
    ] {
        t = t.replace(en, sv);
    }
    t
}

/// Parses the command line; help, version and errors are printed in Swedish here and the
/// exit code returned.
pub fn parse() -> Result<Cli, ExitCode> {
    let matches = command()
        .try_get_matches()
        .and_then(|m| Cli::from_arg_matches(&m).map_err(|e| e.with_cmd(&command())));
    match matches {
        Ok(cli) => Ok(cli),
        Err(e) => {
            use clap::error::ErrorKind;
            let mut text = translate(&e.render().to_string());
            if !text.ends_with('\n') {
                text.push('\n');
            }
            let code = match e.kind() {
                ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
                    print!("{text}");
                    return Err(ExitCode::SUCCESS);
                }
                _ => 2,
            };
            eprint!("{text}");
            Err(ExitCode::from(code))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command's help, and the help of every subcommand, has no English of clap's.
    #[test]
    fn every_help_is_swedish() {
        fn walk(cmd: &mut Command, path: &str, seen: &mut usize) {
            let help = translate(&cmd.render_help().to_string());
            for english in [
                "Usage",
                "Options",
                "Commands",
                "Arguments",
                "Print",
                "[default",
                "[env",
                "OPTIONS",
                "COMMAND>",
            ] {
                assert!(
                    !help.contains(english),
                    "`paragraf {path} --help` says {english:?}:\n{help}"
                );
            }
            *seen += 1;
            let names: Vec<String> = cmd
                .get_subcommands()
                .map(|s| s.get_name().to_string())
                .collect();
            for name in names {
                let sub = cmd.find_subcommand_mut(&name).expect("listed");
                walk(sub, format!("{path} {name}").trim(), seen);
            }
        }
        let mut cmd = command();
        cmd.build();
        let mut seen = 0;
        walk(&mut cmd, "", &mut seen);
        assert!(seen > 40, "{seen} commands");
    }

    #[test]
    fn errors_are_swedish() {
        let e = command()
            .try_get_matches_from(["paragraf", "user", "add", "--nonsense"])
            .unwrap_err();
        let text = translate(&e.render().to_string());
        assert!(
            text.contains("fel: okänt argument '--nonsense'\n"),
            "{text}"
        );
        assert!(text.contains("Användning:"), "{text}");
    }
}
