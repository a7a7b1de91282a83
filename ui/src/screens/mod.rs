pub mod book;
pub mod coming_soon;
pub mod home;
