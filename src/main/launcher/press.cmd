@echo off
rem press.cmd: the Callback Press command on Windows, with JVM settings for a short-lived process.
rem `java -jar target\press.jar ...` works the same, only slower (a 3,000-post bake takes twice as long):
rem   -XX:TieredStopAtLevel=1   the quick (C1) compiler only: a bake ends before C2 would pay off
rem   -XX:+UseSerialGC          one GC thread, smallest footprint; the heap stays small
rem   -Xmx1800m                 the heap's ceiling: 100,000 posts bake in it, the process staying
rem                             under 2 GB; PRESS_JAVA_OPTS, added last, can raise it
rem   -XX:MaxNewSize=256m       a young generation of at most 256 MB: the rest of the heap holds
rem                             what a large bake keeps (its documents) without full collections
rem   press.jsa                 a class-data sharing archive made by `mvn package`, used when present
rem                             (the build deletes it before it rebuilds press.jar: an archive of
rem                             another jar is silently ignored, and cmd cannot compare file times)
rem Twin of press (POSIX sh): keep the flags of both the same (LauncherTest checks).
rem Paths may hold spaces and parentheses: every path is quoted, and no path is expanded inside
rem a parenthesised block.
setlocal
set "here=%~dp0"
set "java=java"
if not defined JAVA_HOME goto found
rem a JAVA_HOME set with quotes around it works too
set "java=%JAVA_HOME:"=%\bin\java.exe"
:found
rem the default, in the archive's place when there is none (cmd cannot drop a quoted argument)
set "cds=-Xshare:auto"
if exist "%here%press.jsa" set "cds=-XX:SharedArchiveFile=%here%press.jsa"
"%java%" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx1800m -XX:MaxNewSize=256m "%cds%" -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off %PRESS_JAVA_OPTS% -jar "%here%press.jar" %*
exit /b %ERRORLEVEL%
