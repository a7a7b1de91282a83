//! The office console's files (`ui/dist-web`, written by `ui/build.sh`) are compiled into the
//! server: a new build of them must rebuild it, even when the folder was missing before.

fn main() {
    println!("cargo:rerun-if-changed=../ui/dist-web");
}
