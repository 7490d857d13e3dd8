# Build with the Maven wrapper on a JDK, run on a JRE as an unprivileged user.
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY db/ db/
COPY src/ src/
RUN ./mvnw -B -DskipTests package \
 && java -Djarmode=tools -jar target/tc-tracker.jar extract --destination /app

FROM eclipse-temurin:25-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system tracker \
 && useradd --system --gid tracker --home-dir /app --shell /usr/sbin/nologin tracker \
 && mkdir -p /data /app \
 && chown tracker:tracker /data \
 && chmod 700 /data
WORKDIR /app
# The README's settings for one server; replace JAVA_OPTS for a larger heap or the C2 compiler.
ENV JAVA_OPTS="-Dspring.aot.enabled=true -XX:TieredStopAtLevel=1 -Xms16m -Xmx64m -Xmn8m -XX:+UseSerialGC -XX:MaxMetaspaceSize=192m -XX:ReservedCodeCacheSize=48m -Xss512k"
ENV MALLOC_ARENA_MAX=2
# The jar unpacked (tc-tracker.jar beside lib/) starts faster, and lets Java 25 make an AOT cache:
# a training run that reads each kind of page once records the classes it loaded and linked.
COPY --from=build /app/ /app/
COPY docker/train.sh /app/train.sh
# Without a cache the server still starts, only more slowly; the build says so.
RUN TRACKER_DATA_DIR=/tmp/training sh /app/train.sh /app/tc-tracker.jar $JAVA_OPTS -XX:AOTCacheOutput=/app/tc-tracker.aot \
 ; rm -rf /tmp/training \
 ; test -s /app/tc-tracker.aot || echo 'WARNING: no AOT cache was made; the server will start without one'
ENV TRACKER_DATA_DIR=/data
VOLUME /data
USER tracker
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD curl -fsS http://localhost:8080/actuator/health || exit 1
ENTRYPOINT ["sh", "-c", "exec java -XX:AOTCache=/app/tc-tracker.aot $JAVA_OPTS -jar /app/tc-tracker.jar \"$@\"", "tc-tracker"]
