pub mod coming_soon;
pub mod faq;
pub mod home;
pub mod manage;
pub mod operator;
pub mod wizard;
