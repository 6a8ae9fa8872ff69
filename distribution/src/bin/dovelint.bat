@echo off
rem dovelint, from the release archive: runs lib\dovelint.jar on a Java 17 or newer
rem runtime, the one of JAVA_HOME when it is set, else the java on PATH.
rem DOVELINT_JAVA_OPTS: JVM options, after the defaults, so they win. By default the
rem heap may grow to 75% of the memory (a whole kernel tree needs a few GiB).
rem The messages are printed after a goto, outside any ( ) block: a path with a
rem parenthesis in it, as "Program Files (x86)", would otherwise end the block.
setlocal
set "DOVELINT_JAR=%~dp0..\lib\dovelint.jar"
if not exist "%DOVELINT_JAR%" goto noJar

if defined JAVA_HOME goto javaHome
where java >nul 2>nul
if errorlevel 1 goto noJava
set "DOVELINT_JAVA=java"
goto version

:javaHome
rem JAVA_HOME is sometimes set with its quotes, "C:\Program Files\...": they are dropped.
set "DOVELINT_JAVA=%JAVA_HOME:"=%\bin\java.exe"
if not exist "%DOVELINT_JAVA%" goto noJavaInHome

:version
rem "java -version" prints e.g. openjdk version "17.0.15" 2025-04-15, or "1.8.0_392" before
rem Java 9, possibly after a "Picked up JAVA_TOOL_OPTIONS" line. "call" first, so that cmd
rem keeps the quotes around the java path.
set "DOVELINT_JAVA_VERSION="
for /f "tokens=3" %%v in ('call "%DOVELINT_JAVA%" -version 2^>^&1 ^| findstr /i /c:" version "') do (
  if not defined DOVELINT_JAVA_VERSION set "DOVELINT_JAVA_VERSION=%%~v"
)
set "DOVELINT_MAJOR="
if defined DOVELINT_JAVA_VERSION for /f "tokens=1,2 delims=.-+_" %%a in ("%DOVELINT_JAVA_VERSION%") do (
  set "DOVELINT_MAJOR=%%a"
  if "%%a"=="1" set "DOVELINT_MAJOR=%%b"
)
if not defined DOVELINT_MAJOR goto unknownVersion
if %DOVELINT_MAJOR% LSS 17 goto tooOld

"%DOVELINT_JAVA%" -XX:MaxRAMPercentage=75 %DOVELINT_JAVA_OPTS% -jar "%DOVELINT_JAR%" %*
exit /b %ERRORLEVEL%

:noJar
echo dovelint: %DOVELINT_JAR% is missing: unpack the whole archive 1>&2
exit /b 2

:noJava
echo dovelint: no Java runtime found: dovelint needs Java 17 or newer; install one and put its bin on PATH, or set JAVA_HOME to it 1>&2
exit /b 2

:noJavaInHome
echo dovelint: JAVA_HOME is %JAVA_HOME%, which has no bin\java.exe; set JAVA_HOME to a Java 17 or newer runtime, or unset it to use the java on PATH 1>&2
exit /b 2

:unknownVersion
echo dovelint: cannot tell which Java %DOVELINT_JAVA% is; dovelint needs Java 17 or newer 1>&2
exit /b 2

:tooOld
echo dovelint: %DOVELINT_JAVA% is Java %DOVELINT_MAJOR% (%DOVELINT_JAVA_VERSION%); dovelint needs Java 17 or newer: set JAVA_HOME to a newer runtime 1>&2
exit /b 2
