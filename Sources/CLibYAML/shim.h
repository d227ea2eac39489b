#ifndef SMSAUTH_CLIBYAML_SHIM_H
#define SMSAUTH_CLIBYAML_SHIM_H
// libyaml's event API from the system (Debian: libyaml-dev; pkg-config yaml-0.1). Its only user is the manifest
// reader, Sources/Manifests/YAML/YAMLEventStream.swift.
#include <yaml.h>
#endif
