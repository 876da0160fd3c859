-- The web UI navbar's favourites: menu entries a user starred (`POST /menufavorites?menu=&stat=2`), shown as `2` in `sso/userinfo`.
CREATE TABLE openc3_connector_menu_favorites (
    id     INTEGER PRIMARY KEY AUTOINCREMENT,
    `user` TEXT NOT NULL,
    menu   TEXT NOT NULL,
    UNIQUE (`user`, menu)
);
