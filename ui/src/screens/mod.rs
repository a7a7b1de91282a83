pub mod coming_soon;
pub mod home;
pub mod manage;
pub mod wizard;
