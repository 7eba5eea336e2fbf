#!/usr/bin/env python3
"""Client-side checks of deploy/: Kubernetes manifests, the compose file and the Dockerfiles.

No cluster, no container engine and no kubeconform here, so this checks what those would catch first and what they
would not: every document has the fields its kind requires (REQUIRED below is the schema), selectors match the pods
they select, probes and Services point at named container ports, every secret a pod reads is documented in
secrets.example.yaml, pods run as non-root with requests and probes, and the Dockerfiles publish real projects and
start the DLLs those projects produce. Prints every problem with file and document, exits 1 when there is one.
"""
import os
import re
import sys

import yaml

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
K8S = os.path.join(ROOT, "deploy", "k8s")
COMPOSE = os.path.join(ROOT, "deploy", "compose", "compose.yaml")
DOCKER = os.path.join(ROOT, "deploy", "docker")

# The schema: for each kind, the dotted paths that must be present (a trailing [] means "a non-empty list").
REQUIRED = {
    "Namespace": ["metadata.name"],
    "ServiceAccount": ["metadata.name"],
    "Role": ["metadata.name", "rules[]"],
    "RoleBinding": ["metadata.name", "subjects[]", "roleRef.kind", "roleRef.name", "roleRef.apiGroup"],
    "Secret": ["metadata.name", "stringData"],
    "PersistentVolumeClaim": ["metadata.name", "spec.accessModes[]", "spec.resources.requests.storage"],
    "Deployment": ["metadata.name", "spec.replicas", "spec.selector.matchLabels", "spec.template.metadata.labels",
                   "spec.template.spec.containers[]"],
    "Service": ["metadata.name", "spec.selector", "spec.ports[]"],
    "PodDisruptionBudget": ["metadata.name", "spec.selector.matchLabels"],
    "HorizontalPodAutoscaler": ["metadata.name", "spec.scaleTargetRef.kind", "spec.scaleTargetRef.name",
                                "spec.minReplicas", "spec.maxReplicas", "spec.metrics[]"],
    "Ingress": ["metadata.name", "spec.rules[]"],
    "Kustomization": ["resources[]"],
}
API_VERSIONS = {
    "Namespace": "v1", "ServiceAccount": "v1", "Secret": "v1", "PersistentVolumeClaim": "v1", "Service": "v1",
    "Role": "rbac.authorization.k8s.io/v1", "RoleBinding": "rbac.authorization.k8s.io/v1",
    "Deployment": "apps/v1", "PodDisruptionBudget": "policy/v1", "HorizontalPodAutoscaler": "autoscaling/v2",
    "Ingress": "networking.k8s.io/v1", "Kustomization": "kustomize.config.k8s.io/v1beta1",
}

problems = []


def problem(where, message):
    problems.append(f"{where}: {message}")


def get(node, path):
    for part in path.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def check_required(where, doc):
    kind = doc.get("kind")
    if kind not in REQUIRED:
        problem(where, f"kind '{kind}' is not one this check knows; allowed: {', '.join(sorted(REQUIRED))}")
        return
    if doc.get("apiVersion") != API_VERSIONS[kind]:
        problem(where, f"apiVersion is '{doc.get('apiVersion')}', {kind} needs '{API_VERSIONS[kind]}'")
    for path in REQUIRED[kind]:
        is_list = path.endswith("[]")
        value = get(doc, path[:-2] if is_list else path)
        if value is None or (is_list and (not isinstance(value, list) or not value)):
            problem(where, f"{path} is missing{' or empty' if is_list else ''}")


def load_k8s():
    docs = []
    for name in sorted(os.listdir(K8S)):
        if not name.endswith((".yaml", ".yml")):
            continue
        with open(os.path.join(K8S, name), encoding="utf-8") as f:
            try:
                for index, doc in enumerate(yaml.safe_load_all(f)):
                    if doc:
                        docs.append((f"deploy/k8s/{name}#{index} {doc.get('kind')}/{get(doc, 'metadata.name') or ''}", name, doc))
            except yaml.YAMLError as e:
                problem(f"deploy/k8s/{name}", f"not valid YAML: {e}")
    return docs


def check_k8s(docs):
    by_kind = {}
    for where, _, doc in docs:
        check_required(where, doc)
        by_kind.setdefault(doc.get("kind"), []).append((where, doc))

    secrets = {get(d, "metadata.name"): set((d.get("stringData") or {}).keys()) for _, d in by_kind.get("Secret", [])}
    deployments = {get(d, "metadata.name"): d for _, d in by_kind.get("Deployment", [])}
    services = {get(d, "metadata.name"): d for _, d in by_kind.get("Service", [])}
    claims = {get(d, "metadata.name") for _, d in by_kind.get("PersistentVolumeClaim", [])}
    accounts = {get(d, "metadata.name") for _, d in by_kind.get("ServiceAccount", [])}
    pod_labels = [get(d, "spec.template.metadata.labels") or {} for d in deployments.values()]

    def selects_pods(selector):
        return any(all(labels.get(k) == v for k, v in selector.items()) for labels in pod_labels)

    for where, d in by_kind.get("Deployment", []):
        selector = get(d, "spec.selector.matchLabels") or {}
        labels = get(d, "spec.template.metadata.labels") or {}
        if any(labels.get(k) != v for k, v in selector.items()):
            problem(where, f"spec.selector.matchLabels {selector} does not match the pod template's labels {labels}")
        pod = get(d, "spec.template.spec") or {}
        if not get(pod, "securityContext.runAsNonRoot"):
            problem(where, "pods must run as non-root (spec.template.spec.securityContext.runAsNonRoot: true)")
        if pod.get("serviceAccountName") and pod["serviceAccountName"] not in accounts:
            problem(where, f"serviceAccountName '{pod['serviceAccountName']}' is not defined")
        volumes = {v.get("name"): v for v in pod.get("volumes") or []}
        for v in volumes.values():
            claim = get(v, "persistentVolumeClaim.claimName")
            if claim and claim not in claims:
                problem(where, f"volume '{v.get('name')}' uses PersistentVolumeClaim '{claim}', which is not defined")
        for c in pod.get("containers") or []:
            cw = f"{where} container {c.get('name')}"
            ports = {p.get("name"): p.get("containerPort") for p in c.get("ports") or []}
            if not c.get("image"):
                problem(cw, "image is missing")
            if not get(c, "resources.requests.cpu") or not get(c, "resources.requests.memory"):
                problem(cw, "resources.requests.cpu and .memory are required (the scheduler and the HPA need them)")
            for probe in ("livenessProbe", "readinessProbe"):
                p = c.get(probe)
                if not p:
                    problem(cw, f"{probe} is missing")
                    continue
                port = get(p, "httpGet.port")
                if isinstance(port, str) and port not in ports:
                    problem(cw, f"{probe} uses port '{port}'; the container's named ports are {sorted(ports)}")
                path = get(p, "httpGet.path")
                expected = "/health/live" if probe == "livenessProbe" else "/health/ready"
                if path != expected:
                    problem(cw, f"{probe} path is '{path}'; MapDefaultEndpoints serves {expected}")
            for m in c.get("volumeMounts") or []:
                if m.get("name") not in volumes:
                    problem(cw, f"volumeMount '{m.get('name')}' has no volume of that name")
            for e in c.get("env") or []:
                ref = get(e, "valueFrom.secretKeyRef")
                if ref and (ref.get("name") not in secrets or ref.get("key") not in secrets[ref.get("name")]):
                    problem(cw, f"env {e.get('name')} reads secret {ref.get('name')}/{ref.get('key')}, which secrets.example.yaml does not document")

    for where, s in by_kind.get("Service", []):
        selector = get(s, "spec.selector") or {}
        if not selects_pods(selector):
            problem(where, f"selector {selector} selects no pod template")
        target = [d for d in deployments.values() if all((get(d, "spec.template.metadata.labels") or {}).get(k) == v for k, v in selector.items())]
        names = {p.get("name") for d in target for c in get(d, "spec.template.spec.containers") or [] for p in c.get("ports") or []}
        for p in get(s, "spec.ports") or []:
            if isinstance(p.get("targetPort"), str) and p["targetPort"] not in names:
                problem(where, f"targetPort '{p['targetPort']}' is no named port of the selected pods ({sorted(names)})")

    for where, p in by_kind.get("PodDisruptionBudget", []):
        if not selects_pods(get(p, "spec.selector.matchLabels") or {}):
            problem(where, "selector selects no pod template")
        if get(p, "spec.maxUnavailable") is None and get(p, "spec.minAvailable") is None:
            problem(where, "give spec.maxUnavailable or spec.minAvailable")

    for where, h in by_kind.get("HorizontalPodAutoscaler", []):
        if get(h, "spec.scaleTargetRef.name") not in deployments:
            problem(where, f"scaleTargetRef '{get(h, 'spec.scaleTargetRef.name')}' is not a Deployment here")
        if (get(h, "spec.minReplicas") or 0) > (get(h, "spec.maxReplicas") or 0):
            problem(where, "minReplicas is above maxReplicas")

    for where, i in by_kind.get("Ingress", []):
        for rule in get(i, "spec.rules") or []:
            for path in get(rule, "http.paths") or []:
                name = get(path, "backend.service.name")
                port = get(path, "backend.service.port.name")
                if name not in services:
                    problem(where, f"backend service '{name}' is not defined")
                elif port and port not in {p.get("name") for p in get(services[name], "spec.ports") or []}:
                    problem(where, f"backend port '{port}' is not a port of service '{name}'")

    for where, k in by_kind.get("Kustomization", []):
        for resource in k.get("resources") or []:
            if not os.path.exists(os.path.join(K8S, resource)):
                problem(where, f"resource '{resource}' does not exist")
    if "Kustomization" not in by_kind:
        problem("deploy/k8s", "kustomization.yaml is missing")


# What Microsoft.Orleans.Hosting.Kubernetes (UseKubernetesHosting) reads from a silo pod: its labels name the cluster,
# the downward API gives the pod's name, namespace and IP, and the pod's service account may watch, patch and delete pods.
ORLEANS_LABELS = ("orleans/serviceId", "orleans/clusterId")
DOWNWARD_API = {"POD_NAME": "metadata.name", "POD_NAMESPACE": "metadata.namespace", "POD_IP": "status.podIP",
                "ORLEANS_SERVICE_ID": "metadata.labels['orleans/serviceId']",
                "ORLEANS_CLUSTER_ID": "metadata.labels['orleans/clusterId']"}
POD_VERBS = {"get", "watch", "list", "patch", "delete"}


def check_orleans_kubernetes(docs):
    by_kind = {}
    for where, _, doc in docs:
        by_kind.setdefault(doc.get("kind"), []).append((where, doc))
    roles = {get(d, "metadata.name"): d for _, d in by_kind.get("Role", [])}
    bindings = [d for _, d in by_kind.get("RoleBinding", [])]
    silo_ids = {}
    gateways = []
    for where, d in by_kind.get("Deployment", []):
        labels = get(d, "spec.template.metadata.labels") or {}
        pod = get(d, "spec.template.spec") or {}
        containers = pod.get("containers") or []
        env = {e.get("name"): e for c in containers for e in c.get("env") or []}
        if not any(label in labels for label in ORLEANS_LABELS):
            if "Cluster__Mode" in env:
                gateways.append((where, env))
            continue
        for label in ORLEANS_LABELS:
            if not labels.get(label):
                problem(where, f"silo pods need the label {label} (UseKubernetesHosting reads the cluster from it)")
        silo_ids = {"ServiceId": labels.get("orleans/serviceId"), "ClusterId": labels.get("orleans/clusterId")}
        for name, field in DOWNWARD_API.items():
            if get(env.get(name) or {}, "valueFrom.fieldRef.fieldPath") != field:
                problem(where, f"env {name} must come from the downward API (fieldRef {field})")
        if (get(env.get("Cluster__Kubernetes") or {}, "value") or "").lower() == "false":
            problem(where, "Cluster__Kubernetes is false: UseKubernetesHosting would be off in the pods these manifests describe")
        if "Cluster__AdvertisedAddress" in env and get(env["Cluster__AdvertisedAddress"], "valueFrom.fieldRef.fieldPath") != "status.podIP":
            problem(where, "Cluster__AdvertisedAddress must be the pod IP or unset (the silo advertises POD_IP)")
        for key in ("ServiceId", "ClusterId"):
            value = get(env.get(f"Cluster__{key}") or {}, "value")
            if value is not None and value != silo_ids[key]:
                problem(where, f"Cluster__{key} '{value}' differs from the pod label ({silo_ids[key]}): the silo refuses to start")
        account = pod.get("serviceAccountName")
        granted = set()
        for b in bindings:
            if any(s.get("kind") == "ServiceAccount" and s.get("name") == account for s in b.get("subjects") or []):
                role = roles.get(get(b, "roleRef.name")) or {}
                for rule in role.get("rules") or []:
                    if "pods" in (rule.get("resources") or []):
                        granted |= set(rule.get("verbs") or [])
        if not account or not POD_VERBS <= granted:
            problem(where, f"the silo's service account '{account}' needs a Role on pods with verbs {sorted(POD_VERBS)}; it has {sorted(granted)}")
        dashboard = get(env.get("Dashboard__Port") or {}, "value")
        if dashboard:
            if get(env.get("Dashboard__Address") or {}, "value") not in (None, "127.0.0.1", "::1"):
                problem(where, "Dashboard__Address must stay loopback: operators reach the dashboard through kubectl port-forward")
            if "Operators__Keys__0" not in env:
                problem(where, "the dashboard needs an operator key (Operators__Keys__0); without one the silo does not serve it")
            for sw, s in by_kind.get("Service", []):
                if any(str(p.get("targetPort")) == str(dashboard) or str(p.get("port")) == str(dashboard) for p in get(s, "spec.ports") or []):
                    problem(sw, f"publishes the dashboard port {dashboard}; the dashboard is for operators through port-forward only")
    for where, env in gateways:
        for key in ("ServiceId", "ClusterId"):
            value = get(env.get(f"Cluster__{key}") or {}, "value") or "crisisgrid"
            if silo_ids and value != silo_ids[key]:
                problem(where, f"gateway Cluster__{key} '{value}' is not the silos' orleans/{key[0].lower()}{key[1:]} label '{silo_ids[key]}': it would find no silo")


def check_compose():
    where = "deploy/compose/compose.yaml"
    try:
        with open(COMPOSE, encoding="utf-8") as f:
            compose = yaml.safe_load(f)
    except (OSError, yaml.YAMLError) as e:
        problem(where, f"cannot be read: {e}")
        return
    services = compose.get("services") or {}
    for required in ("postgres", "proxy", "otlp-viewer"):
        if required not in services:
            problem(where, f"service '{required}' is missing")
    silos = [n for n in services if n.startswith("silo")]
    gateways = [n for n in services if n.startswith("gateway")]
    if len(silos) < 2 or len(gateways) < 2:
        problem(where, f"the topology is 2 silos and 2 gateways; found silos {silos}, gateways {gateways}")
    for name, s in services.items():
        sw = f"{where} service {name}"
        for dependency in (s.get("depends_on") or {}):
            if dependency not in services:
                problem(sw, f"depends_on '{dependency}', which is not a service")
        build = s.get("build")
        if build:
            dockerfile = os.path.normpath(os.path.join(os.path.dirname(COMPOSE), build.get("context", "."), build.get("dockerfile", "Dockerfile")))
            if not os.path.exists(dockerfile):
                problem(sw, f"build.dockerfile {dockerfile} does not exist")
        env = s.get("environment") or {}
        if name in silos:
            address = env.get("Cluster__AdvertisedAddress")
            ip = get(s, "networks.cluster.ipv4_address")
            if not address or address != ip:
                problem(sw, f"Cluster__AdvertisedAddress '{address}' must be the silo's fixed address '{ip}' (the others dial it)")
        if name in silos + gateways and not env.get("OTEL_EXPORTER_OTLP_ENDPOINT"):
            problem(sw, "OTEL_EXPORTER_OTLP_ENDPOINT is not set: its traces and metrics would go nowhere")
    conf = os.path.join(os.path.dirname(COMPOSE), "nginx.conf")
    text = open(conf, encoding="utf-8").read() if os.path.exists(conf) else ""
    if "proxy_set_header Upgrade" not in text or "$connection_upgrade" not in text:
        problem("deploy/compose/nginx.conf", "must pass WebSocket upgrades through (Upgrade and Connection headers)")
    for g in gateways:
        if f"server {g}:" not in text:
            problem("deploy/compose/nginx.conf", f"upstream does not list {g}")


def assembly_name(csproj):
    text = open(csproj, encoding="utf-8").read()
    match = re.search(r"<AssemblyName>([^<]+)</AssemblyName>", text)
    return match.group(1) if match else os.path.splitext(os.path.basename(csproj))[0]


def check_dockerfiles(publish_dirs):
    images = {"silo": None, "gateway": None}
    for index, image in enumerate(images):
        where = f"deploy/docker/{image}.Dockerfile"
        path = os.path.join(DOCKER, f"{image}.Dockerfile")
        if not os.path.exists(path):
            problem(where, "is missing")
            continue
        text = open(path, encoding="utf-8").read()
        publish = re.search(r"dotnet publish (\S+\.csproj)", text)
        entry = re.search(r'ENTRYPOINT \["dotnet", "([^"]+)"\]', text)
        if not publish:
            problem(where, "has no `dotnet publish <project>.csproj` step")
            continue
        csproj = os.path.join(ROOT, publish.group(1))
        if not os.path.exists(csproj):
            problem(where, f"publishes {publish.group(1)}, which does not exist")
            continue
        dll = assembly_name(csproj) + ".dll"
        if not entry or entry.group(1) != dll:
            problem(where, f"ENTRYPOINT must start {dll} (what {publish.group(1)} builds); found {entry.group(1) if entry else 'none'}")
        if not re.search(r"^USER \S+", text, re.M) or re.search(r"^USER (root|0)\s*$", text, re.M):
            problem(where, "must switch to a non-root USER")
        if "HEALTHCHECK" not in text or "/health/live" not in text:
            problem(where, "needs a HEALTHCHECK on /health/live")
        if text.count("FROM ") < 2:
            problem(where, "must be multi-stage (build with the SDK, run on the runtime image)")
        if index < len(publish_dirs):
            built = os.path.join(publish_dirs[index], dll)
            if not os.path.exists(built):
                problem(where, f"starts {dll}, which is not in the publish output {publish_dirs[index]}")


def main():
    docs = load_k8s()
    check_k8s(docs)
    check_orleans_kubernetes(docs)
    check_compose()
    check_dockerfiles(sys.argv[1:])
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        print(f"deploy/ validation: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    print("deploy/ validation: Kubernetes manifests, compose file and Dockerfiles are consistent")
    return 0


if __name__ == "__main__":
    sys.exit(main())
