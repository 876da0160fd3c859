-- The web UI navbar's favourites: menu entries a user starred (`POST /menufavorites?menu=&stat=2`), shown as `2` in `sso/userinfo`.
CREATE TABLE openc3_connector_menu_favorites (
    id     BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    `user` VARCHAR(100) NOT NULL,
    menu   VARCHAR(100) NOT NULL,
    UNIQUE KEY uq_menu_favorites_user_menu (`user`, menu)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;
