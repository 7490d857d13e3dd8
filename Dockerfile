# Build with the Maven wrapper on a JDK, run on a JRE as an unprivileged user.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY db/ db/
COPY src/ src/
RUN ./mvnw -B -DskipTests package

FROM eclipse-temurin:17-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system tracker \
 && useradd --system --gid tracker --home-dir /app --shell /usr/sbin/nologin tracker \
 && mkdir -p /data /app \
 && chown tracker:tracker /data
WORKDIR /app
COPY --from=build /src/target/tc-tracker.jar /app/tc-tracker.jar
ENV TRACKER_DATA_DIR=/data
VOLUME /data
USER tracker
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD curl -fsS http://localhost:8080/actuator/health || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/tc-tracker.jar"]
