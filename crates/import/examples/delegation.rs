//! Prints the delegationsordning read from a file as JSON:
//! `cargo run -p paragraf-import --example delegation -- FILE`.

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("användning: delegation FIL");
        std::process::exit(2);
    };
    let result = paragraf_import::read_delegation_file(std::path::Path::new(&path));
    match result {
        Ok(p) => match serde_json::to_string_pretty(&p) {
            Ok(s) => println!("{s}"),
            Err(e) => eprintln!("fel: {e}"),
        },
        Err(e) => {
            eprintln!("fel: {e}");
            std::process::exit(1);
        }
    }
}
