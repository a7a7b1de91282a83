pub mod coming_soon;
pub mod home;
pub mod manage;
pub mod operator;
pub mod wizard;
