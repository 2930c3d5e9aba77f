<html><body><ul id="tags"><#list tags?sort_by("name") as t><li>${t.name} ${t.tagged_posts?size}</li></#list></ul></body></html>
