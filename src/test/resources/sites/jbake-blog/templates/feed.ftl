<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Blog</title>
<#list published_posts as post><#if post?index == 5><#break></#if><item><title><#escape x as x?xml>${post.title}</#escape></title></item>
</#list></channel></rss>
