{{/* Names and labels shared by every template. */}}
{{- define "hygiene.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "hygiene.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "hygiene.selectorLabels" -}}
app.kubernetes.io/name: {{ include "hygiene.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "hygiene.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{ include "hygiene.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "hygiene.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "hygiene.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "hygiene.secretName" -}}
{{- default (include "hygiene.fullname" .) .Values.secrets.existingSecret }}
{{- end }}

{{- define "hygiene.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}
{{- end }}

{{/* Where each secret key is mounted. */}}
{{- define "hygiene.secretDir" -}}/var/run/secrets/hygiene{{- end }}

{{/*
Whether the Secret has an optional key: the chart's own Secret when the value is set, an existing Secret when the
key is listed in secrets.existingSecretKeys. Usage: include "hygiene.hasKey" (list . "api-token" .Values.secrets.apiToken)
*/}}
{{- define "hygiene.hasKey" -}}
{{- $ctx := index . 0 }}
{{- if $ctx.Values.secrets.existingSecret }}
{{- if has (index . 1) $ctx.Values.secrets.existingSecretKeys }}true{{ end }}
{{- else if index . 2 }}true{{ end }}
{{- end }}

{{/*
The worker's settings.toml: the user's settings with what the chart owns laid over them (tenant, auth, metrics,
security, the audit API's address and the secret files). The database URL comes from the Secret as the
environment variable HYGIENE_DATABASE__URL, never from this file.
*/}}
{{- define "hygiene.settings" -}}
{{- $dir := include "hygiene.secretDir" . }}
{{- $s := .Values.secrets }}
{{- $auth := dict "method" .Values.auth.method }}
{{- if eq .Values.auth.method "client_secret" }}
{{- $_ := set $auth "client_secret_file" (printf "%s/client-secret" $dir) }}
{{- else if eq .Values.auth.method "certificate" }}
{{- $_ := set $auth "certificate_path" (printf "%s/certificate.pem" $dir) }}
{{- if include "hygiene.hasKey" (list . "certificate-password" $s.certificatePassword) }}
{{- $_ := set $auth "certificate_password_file" (printf "%s/certificate-password" $dir) }}
{{- end }}
{{- end }}
{{- $audit := dict "api_enabled" .Values.audit.api.enabled }}
{{- if .Values.audit.api.enabled }}
{{- $_ := set $audit "api_host" "0.0.0.0" }}
{{- $_ := set $audit "api_port" (int .Values.audit.api.port) }}
{{- if include "hygiene.hasKey" (list . "api-token" $s.apiToken) }}
{{- $_ := set $audit "api_token_file" (printf "%s/api-token" $dir) }}
{{- end }}
{{- end }}
{{- if include "hygiene.hasKey" (list . "entra-client-secret" $s.entraClientSecret) }}
{{- $_ := set $audit "entra_client_secret_file" (printf "%s/entra-client-secret" $dir) }}
{{- end }}
{{- $records := dict }}
{{- if include "hygiene.hasKey" (list . "records-encryption-key" $s.recordsEncryptionKey) }}
{{- $_ := set $records "folder" (dict "encryption_key_file" (printf "%s/records-encryption-key" $dir)) }}
{{- end }}
{{- if include "hygiene.hasKey" (list . "noark5-client-secret" $s.noark5ClientSecret) }}
{{- $_ := set $records "noark5" (dict "client_secret_file" (printf "%s/noark5-client-secret" $dir)) }}
{{- end }}
{{- $own := dict
  "tenant" (dict "tenant_id" .Values.tenant.tenantId "client_id" .Values.tenant.clientId)
  "auth" $auth
  "metrics" (dict "enabled" true "host" "0.0.0.0" "port" (int .Values.metrics.port))
  "security" (dict "hmac_key_file" (printf "%s/hmac-key" $dir))
  "audit" $audit
  "records" $records
}}
{{- toToml (mustMergeOverwrite (deepCopy .Values.settings) $own) }}
{{- end }}

{{- define "hygiene.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: 10001
runAsGroup: 10001
fsGroup: 10001
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{- define "hygiene.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
privileged: false
capabilities:
  drop: [ALL]
{{- end }}

{{/* The database URL from the Secret (it holds a password). */}}
{{- define "hygiene.databaseEnv" -}}
- name: HYGIENE_DATABASE__URL
  valueFrom:
    secretKeyRef:
      name: {{ include "hygiene.secretName" . }}
      key: {{ .Values.database.urlKey }}
{{- end }}
