pub mod coming_soon;
pub mod home;
pub mod wizard;
