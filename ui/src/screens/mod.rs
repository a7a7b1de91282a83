pub mod faq;
pub mod home;
pub mod manage;
pub mod operator;
pub mod services;
pub mod wizard;
