<?php
// Installs WordPress into the test database and fills it with our own posts.
// Usage: php install.php CONFIG-NAME HOST:PORT POSTS.json
$_SERVER['WORDPRESS_CONFIG'] = $argv[1];
$_SERVER['HTTP_HOST'] = $argv[2];
$_SERVER['REQUEST_URI'] = '/';
define('WP_INSTALLING', true);
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/taxonomy.php';

wp_install('Kabar Lereng', 'redaksi', 'redaksi@kabarlereng.test', true, '', 'kata-sandi-uji');
update_option('permalink_structure', '/%year%/%monthnum%/%day%/%postname%/');
update_option('timezone_string', 'Asia/Jakarta');
update_option('posts_per_page', 4);
update_option('posts_per_rss', 50);
update_option('rss_use_excerpt', 0);
flush_rewrite_rules(false);
wp_delete_post(1, true);  // the sample post and page
wp_delete_post(2, true);

$data = json_decode(file_get_contents($argv[3]), true);
$authors = [];
foreach ($data['authors'] as $login => $name) {
    $authors[$login] = wp_insert_user([
        'user_login' => $login, 'user_pass' => 'kata-sandi-uji', 'display_name' => $name,
        'user_email' => $login . '@kabarlereng.test', 'role' => 'author',
    ]);
}
$categories = [];
foreach ($data['categories'] as $slug => $name) {
    $categories[$slug] = wp_insert_category(['cat_name' => $name, 'category_nicename' => $slug]);
}
foreach ($data['posts'] as $post) {
    $id = wp_insert_post([
        'post_title' => $post['title'],
        'post_name' => $post['slug'],
        'post_content' => $post['content'],
        'post_status' => 'publish',
        'post_date' => $post['date'],
        'post_author' => $authors[$post['author']],
        'post_category' => [$categories[$post['category']]],
        'tags_input' => $post['tags'],
    ], true);
    if (is_wp_error($id)) { fwrite(STDERR, $id->get_error_message() . "\n"); exit(1); }
    if (!empty($post['image'])) {
        $image = wp_insert_attachment([
            'post_title' => $post['title'], 'post_mime_type' => 'image/jpeg',
            'guid' => home_url('/wp-content/uploads/' . $post['image']),
            'post_excerpt' => $post['caption'], 'post_status' => 'inherit',
        ], $post['image'], $id);
        update_post_meta($image, '_wp_attached_file', $post['image']);
        set_post_thumbnail($id, $image);
    }
}
echo "installed " . count($data['posts']) . " posts\n";
