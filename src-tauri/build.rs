use std::path::Path;

fn main() {
    // `tauri::generate_context!` embeds `ui/dist` and fails to compile without it. `ui/build.sh`
    // fills it; an empty folder lets `cargo check`/`clippy` run before the UI is built.
    let dist = Path::new("ui/dist");
    if !dist.join("index.html").exists() {
        std::fs::create_dir_all(dist).expect("create ui/dist");
        println!("cargo:warning=ui/dist has no index.html: run ui/build.sh before running the app");
    }
    // Re-embed the UI whenever it is rebuilt.
    println!("cargo:rerun-if-changed=ui/dist");
    tauri_build::try_build(
        tauri_build::Attributes::new().capabilities_path_pattern("./src-tauri/capabilities/**/*"),
    )
    .expect("tauri-build");
}
