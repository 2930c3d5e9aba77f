<html><body><ul id="posts"><#list published_posts as post><li>${post.title}</li></#list></ul></body></html>
