<html><body><h1>${tag}</h1>
<ul id="posts"><#list tag_posts as post><li>${post.title}</li></#list></ul>
</body></html>
