//! `paragraf`: the command line of Paragraf. It parses arguments, opens the data directory
//! and calls the core and the store; the rules live in `paragraf-core`.

/// `println!` that ends the program quietly when the reader has gone (`paragraf … | head`)
/// instead of panicking, and with an error for any other failure to write.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        if let Err(e) = writeln!(std::io::stdout().lock(), $($arg)*) {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                std::process::exit(0);
            }
            eprintln!("fel: kunde inte skriva till standard ut: {e}");
            std::process::exit(1);
        }
    }};
}

mod args;
mod args_admin;
mod args_delegation;
mod args_followup;
mod args_unenforced;
mod commands;

mod output;
mod swedish;

use std::process::ExitCode;

fn main() -> ExitCode {
    // PARAGRAF_LOG sets the level (warn); PARAGRAF_LOG_FORMAT=json writes one JSON object a
    // line, for journald or a log collector.
    let filter = tracing_subscriber::EnvFilter::try_from_env("PARAGRAF_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"));
    if std::env::var("PARAGRAF_LOG_FORMAT").is_ok_and(|f| f.eq_ignore_ascii_case("json")) {
        tracing_subscriber::fmt()
            .json()
            .with_env_filter(filter)
            .with_writer(std::io::stderr)
            .init();
    } else {
        tracing_subscriber::fmt()
            .with_env_filter(filter)
            .with_writer(std::io::stderr)
            .init();
    }
    let cli = match swedish::parse() {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    match commands::run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("fel: {e}");
            for cause in e.chain().skip(1) {
                eprintln!("  orsak: {cause}");
            }
            // 2 invalid input, 3 a rule refused, 4 not found, 5 conflict, 6 forbidden,
            // 1 anything else.
            ExitCode::from(paragraf_app::Error::from(e).exit_code())
        }
    }
}
