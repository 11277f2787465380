#!/usr/bin/env bash
# Makes the file tree that the container image is built on (Jib's base is "scratch"): a Java
# runtime cut down by jlink from the JDK that builds, the few C libraries it needs taken from this
# machine, and a user without rights. No registry is needed for a base image, and the image holds
# nothing the portal does not run. Usage: runtime.sh <output directory>
set -euo pipefail
out="$1"
java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"

rm -rf "$out"
mkdir -p "$out/etc" "$out/tmp" "$out/lib64"

# What Spring Boot, Vaadin, Tomcat, Hibernate and the PostgreSQL driver use; jdk.localedata holds
# the Japanese dates and numbers, jdk.crypto.cryptoki nothing we need, so it stays out.
modules=java.base,java.compiler,java.datatransfer,java.desktop,java.instrument,java.logging,java.management
modules+=,java.naming,java.net.http,java.prefs,java.rmi,java.scripting,java.security.jgss,java.security.sasl
modules+=,java.sql,java.transaction.xa,java.xml,java.xml.crypto,jdk.charsets,jdk.jfr,jdk.localedata
modules+=,jdk.management,jdk.naming.dns,jdk.net,jdk.security.auth,jdk.unsupported,jdk.zipfs
"$java_home/bin/jlink" --add-modules "$modules" --output "$out/opt/java" \
  --strip-debug --no-header-files --no-man-pages --compress=zip-6

# The C libraries the runtime links to, and the dynamic loader, as real files (Jib copies no links).
# AWT's X11 (xawt, jawt), sound and splash-screen libraries are left out: the portal runs headless.
linked=$(ls "$out"/opt/java/lib/*.so | grep -v -E '/lib(awt_xawt|jawt|jsound|splashscreen)\.so$')
libs=$(ldd "$out/opt/java/bin/java" "$out/opt/java/lib/server/libjvm.so" $linked 2>/dev/null \
  | awk '$2 == "=>" && $3 ~ /^\// {print $3}' | grep -v "^$out" | sort -u)
for lib in $libs; do
  mkdir -p "$out$(dirname "$lib")"
  cp -L "$lib" "$out$lib"
done
loader=$(ldd "$out/opt/java/bin/java" | awk '$1 ~ /^\/.*ld-linux/ {print $1}')
mkdir -p "$out$(dirname "$loader")"
cp -L "$loader" "$out$loader"

# The account the portal runs as (65532, as distroless' "nonroot"); root exists only by name.
printf 'root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/tmp:/sbin/nologin\n' > "$out/etc/passwd"
printf 'root:x:0:\nnonroot:x:65532:\n' > "$out/etc/group"
printf 'hosts: files dns\n' > "$out/etc/nsswitch.conf"
echo "Image runtime in $out: $(du -sh "$out" | cut -f1)"
