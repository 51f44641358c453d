//! Images uploaded through the editors' interface: one row per stored file (its thumbnail
//! sits beside it on disk).

use crate::db::schema::media;
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = media)]
pub struct DbMedia {
    pub id: i64,
    pub file_name: String,
    pub actor_id: i64,
    pub account_id: Option<i64>,
    pub media_type: String,
    pub width: i32,
    pub height: i32,
    pub bytes: i64,
    pub alt_text: String,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = media)]
pub struct NewMedia<'a> {
    pub file_name: &'a str,
    pub actor_id: i64,
    pub account_id: Option<i64>,
    pub media_type: &'a str,
    pub width: i32,
    pub height: i32,
    pub bytes: i64,
    pub alt_text: &'a str,
}

impl DbMedia {
    pub async fn insert(conn: &mut AsyncPgConnection, new: &NewMedia<'_>) -> QueryResult<DbMedia> {
        diesel::insert_into(media::table)
            .values(new)
            .returning(DbMedia::as_returning())
            .get_result(conn)
            .await
    }

    pub async fn by_file_name(
        conn: &mut AsyncPgConnection,
        file_name: &str,
    ) -> QueryResult<Option<DbMedia>> {
        media::table
            .filter(media::file_name.eq(file_name))
            .select(DbMedia::as_select())
            .first(conn)
            .await
            .optional()
    }
}
