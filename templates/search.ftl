<#ftl output_format="HTML">
<#-- The search page: assets/js/search.js fills in the results as the reader types, from the
     index search-index.ftl writes. Without JavaScript it points to the lists instead. -->
<#import "layout.ftl" as layout>
<@layout.page title="Search" description="Search the articles, email templates and tips." url="/search/" current="search" robots="noindex">
<h1>Search</h1>
<form class="search-form" role="search" action="/search/" method="get">
  <label class="search-form__label" for="search-page-q">Search articles, email templates and tips</label>
  <div class="search-form__row">
    <input class="search-form__input" type="search" id="search-page-q" name="q" autocomplete="off" enterkeyhint="search" data-search="page" aria-describedby="search-status">
    <button class="button" type="submit">Search</button>
  </div>
</form>
<p class="search-status" id="search-status" role="status"></p>
<ol class="cards search-results" id="search-results"></ol>
<noscript>
  <p>Search runs in your browser and needs JavaScript. Everything is also listed by kind:
  <a href="/archive/">all articles</a>, <a href="/snippets/">email templates</a>,
  <a href="/tips/">tips</a> and <a href="/tags/">tags</a>.</p>
</noscript>
</@layout.page>
