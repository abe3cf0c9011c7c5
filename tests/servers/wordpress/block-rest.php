<?php
// A security plugin's answer to the REST API: 403 for every /wp-json/ request.
add_filter('rest_authentication_errors', function () {
    return new WP_Error('rest_forbidden', 'REST API dinonaktifkan.', ['status' => 403]);
});
