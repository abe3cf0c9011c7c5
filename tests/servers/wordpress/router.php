<?php
// The router of `php -S` for Debian's WordPress: the config name comes from the environment.
$_SERVER['WORDPRESS_CONFIG'] = getenv('NEWSCRAWL_WP_CONFIG');
$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
$file = '/usr/share/wordpress' . $path;
if ($path !== '/' && is_file($file) && substr($file, -4) !== '.php') {
    return false;  // a static file of WordPress itself
}
if ($path !== '/' && is_file($file)) {
    chdir(dirname($file));
    require $file;
    return;
}
chdir('/usr/share/wordpress');
require '/usr/share/wordpress/index.php';
