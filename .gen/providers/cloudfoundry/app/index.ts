// https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/app
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface AppConfig extends cdktf.TerraformMetaArguments {
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/app#annotations App#annotations}
  */
  readonly annotations?: { [key: string]: string };
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/app#app_deployed_running_check_interval App#app_deployed_running_check_interval}
  */
  readonly appDeployedRunningCheckInterval?: number;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/app#app_deployed_running_timeout App#app_deployed_running_timeout}
  */
  readonly appDeployedRunningTimeout?: number;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/app#buildpacks App#buildpacks}
  */
  readonly buildpacks?: string[];
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/app#command App#command}
  */
  readonly command?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/app#disk_quota App#disk_quota}
  */
  readonly diskQuota?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/app#docker_credentials App#docker_credentials}
  */
  readonly dockerCredentials?: AppDockerCredentials;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/app#docker_image App#docker_image}
  */
  readonly dockerImage?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/app#enable_ssh App#enable_ssh}
  */
  readonly enableSsh?: boolean | cdktf.IResolvable;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/app#environment App#environment}
  */
  readonly environment?: { [key: string]: string };
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/app#health_check_http_endpoint App#health_check_http_endpoint}
  */
  readonly healthCheckHttpEndpoint?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/app#health_check_interval App#health_check_interval}
  */
  readonly healthCheckInterval?: number;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/app#health_check_invocation_timeout App#health_check_invocation_timeout}
  */
  readonly healthCheckInvocationTimeout?: number;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/app#health_check_type App#health_check_type}
  */
  readonly healthCheckType?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/app#instances App#instances}
  */
  readonly instances?: number;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/app#labels App#labels}
  */
  readonly labels?: { [key: string]: string };
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/app#log_rate_limit_per_second App#log_rate_limit_per_second}
  */
  readonly logRateLimitPerSecond?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/app#memory App#memory}
  */
  readonly memory?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/app#name App#name}
  */
  readonly name: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/app#no_route App#no_route}
  */
  readonly noRoute?: boolean | cdktf.IResolvable;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/app#org_name App#org_name}
  */
  readonly orgName: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/app#path App#path}
  */
  readonly path?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/app#processes App#processes}
  */
  readonly processes?: AppProcesses[] | cdktf.IResolvable;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/app#random_route App#random_route}
  */
  readonly randomRoute?: boolean | cdktf.IResolvable;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/app#readiness_health_check_http_endpoint App#readiness_health_check_http_endpoint}
  */
  readonly readinessHealthCheckHttpEndpoint?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/app#readiness_health_check_interval App#readiness_health_check_interval}
  */
  readonly readinessHealthCheckInterval?: number;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/app#readiness_health_check_invocation_timeout App#readiness_health_check_invocation_timeout}
  */
  readonly readinessHealthCheckInvocationTimeout?: number;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/app#readiness_health_check_type App#readiness_health_check_type}
  */
  readonly readinessHealthCheckType?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/app#routes App#routes}
  */
  readonly routes?: AppRoutes[] | cdktf.IResolvable;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/app#service_bindings App#service_bindings}
  */
  readonly serviceBindings?: AppServiceBindings[] | cdktf.IResolvable;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/app#sidecars App#sidecars}
  */
  readonly sidecars?: AppSidecars[] | cdktf.IResolvable;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/app#source_code_hash App#source_code_hash}
  */
  readonly sourceCodeHash?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/app#space_name App#space_name}
  */
  readonly spaceName: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/app#stack App#stack}
  */
  readonly stack?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/app#stopped App#stopped}
  */
  readonly stopped?: boolean | cdktf.IResolvable;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/app#strategy App#strategy}
  */
  readonly strategy?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/app#timeout App#timeout}
  */
  readonly timeout?: number;
}
export interface AppDockerCredentials {
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/app#password App#password}
  */
  readonly password?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/app#username App#username}
  */
  readonly username: string;
}

export function appDockerCredentialsToTerraform(struct?: AppDockerCredentials | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    password: cdktf.stringToTerraform(struct!.password),
    username: cdktf.stringToTerraform(struct!.username),
  }
}


export function appDockerCredentialsToHclTerraform(struct?: AppDockerCredentials | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    password: {
      value: cdktf.stringToHclTerraform(struct!.password),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    username: {
      value: cdktf.stringToHclTerraform(struct!.username),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class AppDockerCredentialsOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): AppDockerCredentials | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._password !== undefined) {
      hasAnyValues = true;
      internalValueResult.password = this._password;
    }
    if (this._username !== undefined) {
      hasAnyValues = true;
      internalValueResult.username = this._username;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: AppDockerCredentials | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._password = undefined;
      this._username = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._password = value.password;
      this._username = value.username;
    }
  }

  // password - computed: false, optional: true, required: false
  private _password?: string; 
  public get password() {
    return this.getStringAttribute('password');
  }
  public set password(value: string) {
    this._password = value;
  }
  public resetPassword() {
    this._password = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get passwordInput() {
    return this._password;
  }

  // username - computed: false, optional: false, required: true
  private _username?: string; 
  public get username() {
    return this.getStringAttribute('username');
  }
  public set username(value: string) {
    this._username = value;
  }
  // Temporarily expose input value. Use with caution.
  public get usernameInput() {
    return this._username;
  }
}
export interface AppProcesses {
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/app#command App#command}
  */
  readonly command?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/app#disk_quota App#disk_quota}
  */
  readonly diskQuota?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/app#health_check_http_endpoint App#health_check_http_endpoint}
  */
  readonly healthCheckHttpEndpoint?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/app#health_check_interval App#health_check_interval}
  */
  readonly healthCheckInterval?: number;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/app#health_check_invocation_timeout App#health_check_invocation_timeout}
  */
  readonly healthCheckInvocationTimeout?: number;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/app#health_check_type App#health_check_type}
  */
  readonly healthCheckType?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/app#instances App#instances}
  */
  readonly instances?: number;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/app#log_rate_limit_per_second App#log_rate_limit_per_second}
  */
  readonly logRateLimitPerSecond?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/app#memory App#memory}
  */
  readonly memory?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/app#readiness_health_check_http_endpoint App#readiness_health_check_http_endpoint}
  */
  readonly readinessHealthCheckHttpEndpoint?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/app#readiness_health_check_interval App#readiness_health_check_interval}
  */
  readonly readinessHealthCheckInterval?: number;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/app#readiness_health_check_invocation_timeout App#readiness_health_check_invocation_timeout}
  */
  readonly readinessHealthCheckInvocationTimeout?: number;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/app#readiness_health_check_type App#readiness_health_check_type}
  */
  readonly readinessHealthCheckType?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/app#timeout App#timeout}
  */
  readonly timeout?: number;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/app#type App#type}
  */
  readonly type: string;
}

export function appProcessesToTerraform(struct?: AppProcesses | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    command: cdktf.stringToTerraform(struct!.command),
    disk_quota: cdktf.stringToTerraform(struct!.diskQuota),
    health_check_http_endpoint: cdktf.stringToTerraform(struct!.healthCheckHttpEndpoint),
    health_check_interval: cdktf.numberToTerraform(struct!.healthCheckInterval),
    health_check_invocation_timeout: cdktf.numberToTerraform(struct!.healthCheckInvocationTimeout),
    health_check_type: cdktf.stringToTerraform(struct!.healthCheckType),
    instances: cdktf.numberToTerraform(struct!.instances),
    log_rate_limit_per_second: cdktf.stringToTerraform(struct!.logRateLimitPerSecond),
    memory: cdktf.stringToTerraform(struct!.memory),
    readiness_health_check_http_endpoint: cdktf.stringToTerraform(struct!.readinessHealthCheckHttpEndpoint),
    readiness_health_check_interval: cdktf.numberToTerraform(struct!.readinessHealthCheckInterval),
    readiness_health_check_invocation_timeout: cdktf.numberToTerraform(struct!.readinessHealthCheckInvocationTimeout),
    readiness_health_check_type: cdktf.stringToTerraform(struct!.readinessHealthCheckType),
    timeout: cdktf.numberToTerraform(struct!.timeout),
    type: cdktf.stringToTerraform(struct!.type),
  }
}


export function appProcessesToHclTerraform(struct?: AppProcesses | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    command: {
      value: cdktf.stringToHclTerraform(struct!.command),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    disk_quota: {
      value: cdktf.stringToHclTerraform(struct!.diskQuota),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    health_check_http_endpoint: {
      value: cdktf.stringToHclTerraform(struct!.healthCheckHttpEndpoint),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    health_check_interval: {
      value: cdktf.numberToHclTerraform(struct!.healthCheckInterval),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    health_check_invocation_timeout: {
      value: cdktf.numberToHclTerraform(struct!.healthCheckInvocationTimeout),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    health_check_type: {
      value: cdktf.stringToHclTerraform(struct!.healthCheckType),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    instances: {
      value: cdktf.numberToHclTerraform(struct!.instances),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    log_rate_limit_per_second: {
      value: cdktf.stringToHclTerraform(struct!.logRateLimitPerSecond),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    memory: {
      value: cdktf.stringToHclTerraform(struct!.memory),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    readiness_health_check_http_endpoint: {
      value: cdktf.stringToHclTerraform(struct!.readinessHealthCheckHttpEndpoint),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    readiness_health_check_interval: {
      value: cdktf.numberToHclTerraform(struct!.readinessHealthCheckInterval),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    readiness_health_check_invocation_timeout: {
      value: cdktf.numberToHclTerraform(struct!.readinessHealthCheckInvocationTimeout),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    readiness_health_check_type: {
      value: cdktf.stringToHclTerraform(struct!.readinessHealthCheckType),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    timeout: {
      value: cdktf.numberToHclTerraform(struct!.timeout),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    type: {
      value: cdktf.stringToHclTerraform(struct!.type),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class AppProcessesOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectIndex the index of this item in the list
  * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue(): AppProcesses | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._command !== undefined) {
      hasAnyValues = true;
      internalValueResult.command = this._command;
    }
    if (this._diskQuota !== undefined) {
      hasAnyValues = true;
      internalValueResult.diskQuota = this._diskQuota;
    }
    if (this._healthCheckHttpEndpoint !== undefined) {
      hasAnyValues = true;
      internalValueResult.healthCheckHttpEndpoint = this._healthCheckHttpEndpoint;
    }
    if (this._healthCheckInterval !== undefined) {
      hasAnyValues = true;
      internalValueResult.healthCheckInterval = this._healthCheckInterval;
    }
    if (this._healthCheckInvocationTimeout !== undefined) {
      hasAnyValues = true;
      internalValueResult.healthCheckInvocationTimeout = this._healthCheckInvocationTimeout;
    }
    if (this._healthCheckType !== undefined) {
      hasAnyValues = true;
      internalValueResult.healthCheckType = this._healthCheckType;
    }
    if (this._instances !== undefined) {
      hasAnyValues = true;
      internalValueResult.instances = this._instances;
    }
    if (this._logRateLimitPerSecond !== undefined) {
      hasAnyValues = true;
      internalValueResult.logRateLimitPerSecond = this._logRateLimitPerSecond;
    }
    if (this._memory !== undefined) {
      hasAnyValues = true;
      internalValueResult.memory = this._memory;
    }
    if (this._readinessHealthCheckHttpEndpoint !== undefined) {
      hasAnyValues = true;
      internalValueResult.readinessHealthCheckHttpEndpoint = this._readinessHealthCheckHttpEndpoint;
    }
    if (this._readinessHealthCheckInterval !== undefined) {
      hasAnyValues = true;
      internalValueResult.readinessHealthCheckInterval = this._readinessHealthCheckInterval;
    }
    if (this._readinessHealthCheckInvocationTimeout !== undefined) {
      hasAnyValues = true;
      internalValueResult.readinessHealthCheckInvocationTimeout = this._readinessHealthCheckInvocationTimeout;
    }
    if (this._readinessHealthCheckType !== undefined) {
      hasAnyValues = true;
      internalValueResult.readinessHealthCheckType = this._readinessHealthCheckType;
    }
    if (this._timeout !== undefined) {
      hasAnyValues = true;
      internalValueResult.timeout = this._timeout;
    }
    if (this._type !== undefined) {
      hasAnyValues = true;
      internalValueResult.type = this._type;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: AppProcesses | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._command = undefined;
      this._diskQuota = undefined;
      this._healthCheckHttpEndpoint = undefined;
      this._healthCheckInterval = undefined;
      this._healthCheckInvocationTimeout = undefined;
      this._healthCheckType = undefined;
      this._instances = undefined;
      this._logRateLimitPerSecond = undefined;
      this._memory = undefined;
      this._readinessHealthCheckHttpEndpoint = undefined;
      this._readinessHealthCheckInterval = undefined;
      this._readinessHealthCheckInvocationTimeout = undefined;
      this._readinessHealthCheckType = undefined;
      this._timeout = undefined;
      this._type = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._command = value.command;
      this._diskQuota = value.diskQuota;
      this._healthCheckHttpEndpoint = value.healthCheckHttpEndpoint;
      this._healthCheckInterval = value.healthCheckInterval;
      this._healthCheckInvocationTimeout = value.healthCheckInvocationTimeout;
      this._healthCheckType = value.healthCheckType;
      this._instances = value.instances;
      this._logRateLimitPerSecond = value.logRateLimitPerSecond;
      this._memory = value.memory;
      this._readinessHealthCheckHttpEndpoint = value.readinessHealthCheckHttpEndpoint;
      this._readinessHealthCheckInterval = value.readinessHealthCheckInterval;
      this._readinessHealthCheckInvocationTimeout = value.readinessHealthCheckInvocationTimeout;
      this._readinessHealthCheckType = value.readinessHealthCheckType;
      this._timeout = value.timeout;
      this._type = value.type;
    }
  }

  // command - computed: false, optional: true, required: false
  private _command?: string; 
  public get command() {
    return this.getStringAttribute('command');
  }
  public set command(value: string) {
    this._command = value;
  }
  public resetCommand() {
    this._command = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get commandInput() {
    return this._command;
  }

  // disk_quota - computed: true, optional: true, required: false
  private _diskQuota?: string; 
  public get diskQuota() {
    return this.getStringAttribute('disk_quota');
  }
  public set diskQuota(value: string) {
    this._diskQuota = value;
  }
  public resetDiskQuota() {
    this._diskQuota = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get diskQuotaInput() {
    return this._diskQuota;
  }

  // health_check_http_endpoint - computed: false, optional: true, required: false
  private _healthCheckHttpEndpoint?: string; 
  public get healthCheckHttpEndpoint() {
    return this.getStringAttribute('health_check_http_endpoint');
  }
  public set healthCheckHttpEndpoint(value: string) {
    this._healthCheckHttpEndpoint = value;
  }
  public resetHealthCheckHttpEndpoint() {
    this._healthCheckHttpEndpoint = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get healthCheckHttpEndpointInput() {
    return this._healthCheckHttpEndpoint;
  }

  // health_check_interval - computed: false, optional: true, required: false
  private _healthCheckInterval?: number; 
  public get healthCheckInterval() {
    return this.getNumberAttribute('health_check_interval');
  }
  public set healthCheckInterval(value: number) {
    this._healthCheckInterval = value;
  }
  public resetHealthCheckInterval() {
    this._healthCheckInterval = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get healthCheckIntervalInput() {
    return this._healthCheckInterval;
  }

  // health_check_invocation_timeout - computed: false, optional: true, required: false
  private _healthCheckInvocationTimeout?: number; 
  public get healthCheckInvocationTimeout() {
    return this.getNumberAttribute('health_check_invocation_timeout');
  }
  public set healthCheckInvocationTimeout(value: number) {
    this._healthCheckInvocationTimeout = value;
  }
  public resetHealthCheckInvocationTimeout() {
    this._healthCheckInvocationTimeout = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get healthCheckInvocationTimeoutInput() {
    return this._healthCheckInvocationTimeout;
  }

  // health_check_type - computed: true, optional: true, required: false
  private _healthCheckType?: string; 
  public get healthCheckType() {
    return this.getStringAttribute('health_check_type');
  }
  public set healthCheckType(value: string) {
    this._healthCheckType = value;
  }
  public resetHealthCheckType() {
    this._healthCheckType = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get healthCheckTypeInput() {
    return this._healthCheckType;
  }

  // instances - computed: true, optional: true, required: false
  private _instances?: number; 
  public get instances() {
    return this.getNumberAttribute('instances');
  }
  public set instances(value: number) {
    this._instances = value;
  }
  public resetInstances() {
    this._instances = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get instancesInput() {
    return this._instances;
  }

  // log_rate_limit_per_second - computed: true, optional: true, required: false
  private _logRateLimitPerSecond?: string; 
  public get logRateLimitPerSecond() {
    return this.getStringAttribute('log_rate_limit_per_second');
  }
  public set logRateLimitPerSecond(value: string) {
    this._logRateLimitPerSecond = value;
  }
  public resetLogRateLimitPerSecond() {
    this._logRateLimitPerSecond = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get logRateLimitPerSecondInput() {
    return this._logRateLimitPerSecond;
  }

  // memory - computed: true, optional: true, required: false
  private _memory?: string; 
  public get memory() {
    return this.getStringAttribute('memory');
  }
  public set memory(value: string) {
    this._memory = value;
  }
  public resetMemory() {
    this._memory = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get memoryInput() {
    return this._memory;
  }

  // readiness_health_check_http_endpoint - computed: false, optional: true, required: false
  private _readinessHealthCheckHttpEndpoint?: string; 
  public get readinessHealthCheckHttpEndpoint() {
    return this.getStringAttribute('readiness_health_check_http_endpoint');
  }
  public set readinessHealthCheckHttpEndpoint(value: string) {
    this._readinessHealthCheckHttpEndpoint = value;
  }
  public resetReadinessHealthCheckHttpEndpoint() {
    this._readinessHealthCheckHttpEndpoint = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get readinessHealthCheckHttpEndpointInput() {
    return this._readinessHealthCheckHttpEndpoint;
  }

  // readiness_health_check_interval - computed: false, optional: true, required: false
  private _readinessHealthCheckInterval?: number; 
  public get readinessHealthCheckInterval() {
    return this.getNumberAttribute('readiness_health_check_interval');
  }
  public set readinessHealthCheckInterval(value: number) {
    this._readinessHealthCheckInterval = value;
  }
  public resetReadinessHealthCheckInterval() {
    this._readinessHealthCheckInterval = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get readinessHealthCheckIntervalInput() {
    return this._readinessHealthCheckInterval;
  }

  // readiness_health_check_invocation_timeout - computed: false, optional: true, required: false
  private _readinessHealthCheckInvocationTimeout?: number; 
  public get readinessHealthCheckInvocationTimeout() {
    return this.getNumberAttribute('readiness_health_check_invocation_timeout');
  }
  public set readinessHealthCheckInvocationTimeout(value: number) {
    this._readinessHealthCheckInvocationTimeout = value;
  }
  public resetReadinessHealthCheckInvocationTimeout() {
    this._readinessHealthCheckInvocationTimeout = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get readinessHealthCheckInvocationTimeoutInput() {
    return this._readinessHealthCheckInvocationTimeout;
  }

  // readiness_health_check_type - computed: true, optional: true, required: false
  private _readinessHealthCheckType?: string; 
  public get readinessHealthCheckType() {
    return this.getStringAttribute('readiness_health_check_type');
  }
  public set readinessHealthCheckType(value: string) {
    this._readinessHealthCheckType = value;
  }
  public resetReadinessHealthCheckType() {
    this._readinessHealthCheckType = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get readinessHealthCheckTypeInput() {
    return this._readinessHealthCheckType;
  }

  // timeout - computed: false, optional: true, required: false
  private _timeout?: number; 
  public get timeout() {
    return this.getNumberAttribute('timeout');
  }
  public set timeout(value: number) {
    this._timeout = value;
  }
  public resetTimeout() {
    this._timeout = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get timeoutInput() {
    return this._timeout;
  }

  // type - computed: false, optional: false, required: true
  private _type?: string; 
  public get type() {
    return this.getStringAttribute('type');
  }
  public set type(value: string) {
    this._type = value;
  }
  // Temporarily expose input value. Use with caution.
  public get typeInput() {
    return this._type;
  }
}

export class AppProcessesList extends cdktf.ComplexList {
  public internalValue? : AppProcesses[] | cdktf.IResolvable

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  constructor(protected terraformResource: cdktf.IInterpolatingParent, protected terraformAttribute: string, protected wrapsSet: boolean) {
    super(terraformResource, terraformAttribute, wrapsSet)
  }

  /**
  * @param index the index of the item to return
  */
  public get(index: number): AppProcessesOutputReference {
    return new AppProcessesOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface AppRoutes {
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/app#protocol App#protocol}
  */
  readonly protocol?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/app#route App#route}
  */
  readonly route?: string;
}

export function appRoutesToTerraform(struct?: AppRoutes | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    protocol: cdktf.stringToTerraform(struct!.protocol),
    route: cdktf.stringToTerraform(struct!.route),
  }
}


export function appRoutesToHclTerraform(struct?: AppRoutes | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    protocol: {
      value: cdktf.stringToHclTerraform(struct!.protocol),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    route: {
      value: cdktf.stringToHclTerraform(struct!.route),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class AppRoutesOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectIndex the index of this item in the list
  * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue(): AppRoutes | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._protocol !== undefined) {
      hasAnyValues = true;
      internalValueResult.protocol = this._protocol;
    }
    if (this._route !== undefined) {
      hasAnyValues = true;
      internalValueResult.route = this._route;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: AppRoutes | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._protocol = undefined;
      this._route = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._protocol = value.protocol;
      this._route = value.route;
    }
  }

  // protocol - computed: true, optional: true, required: false
  private _protocol?: string; 
  public get protocol() {
    return this.getStringAttribute('protocol');
  }
  public set protocol(value: string) {
    this._protocol = value;
  }
  public resetProtocol() {
    this._protocol = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get protocolInput() {
    return this._protocol;
  }

  // route - computed: true, optional: true, required: false
  private _route?: string; 
  public get route() {
    return this.getStringAttribute('route');
  }
  public set route(value: string) {
    this._route = value;
  }
  public resetRoute() {
    this._route = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get routeInput() {
    return this._route;
  }
}

export class AppRoutesList extends cdktf.ComplexList {
  public internalValue? : AppRoutes[] | cdktf.IResolvable

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  constructor(protected terraformResource: cdktf.IInterpolatingParent, protected terraformAttribute: string, protected wrapsSet: boolean) {
    super(terraformResource, terraformAttribute, wrapsSet)
  }

  /**
  * @param index the index of the item to return
  */
  public get(index: number): AppRoutesOutputReference {
    return new AppRoutesOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface AppServiceBindings {
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/app#params App#params}
  */
  readonly params?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/app#service_instance App#service_instance}
  */
  readonly serviceInstance?: string;
}

export function appServiceBindingsToTerraform(struct?: AppServiceBindings | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    params: cdktf.stringToTerraform(struct!.params),
    service_instance: cdktf.stringToTerraform(struct!.serviceInstance),
  }
}


export function appServiceBindingsToHclTerraform(struct?: AppServiceBindings | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    params: {
      value: cdktf.stringToHclTerraform(struct!.params),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    service_instance: {
      value: cdktf.stringToHclTerraform(struct!.serviceInstance),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class AppServiceBindingsOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectIndex the index of this item in the list
  * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue(): AppServiceBindings | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._params !== undefined) {
      hasAnyValues = true;
      internalValueResult.params = this._params;
    }
    if (this._serviceInstance !== undefined) {
      hasAnyValues = true;
      internalValueResult.serviceInstance = this._serviceInstance;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: AppServiceBindings | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._params = undefined;
      this._serviceInstance = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._params = value.params;
      this._serviceInstance = value.serviceInstance;
    }
  }

  // params - computed: true, optional: true, required: false
  private _params?: string; 
  public get params() {
    return this.getStringAttribute('params');
  }
  public set params(value: string) {
    this._params = value;
  }
  public resetParams() {
    this._params = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get paramsInput() {
    return this._params;
  }

  // service_instance - computed: true, optional: true, required: false
  private _serviceInstance?: string; 
  public get serviceInstance() {
    return this.getStringAttribute('service_instance');
  }
  public set serviceInstance(value: string) {
    this._serviceInstance = value;
  }
  public resetServiceInstance() {
    this._serviceInstance = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get serviceInstanceInput() {
    return this._serviceInstance;
  }
}

export class AppServiceBindingsList extends cdktf.ComplexList {
  public internalValue? : AppServiceBindings[] | cdktf.IResolvable

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  constructor(protected terraformResource: cdktf.IInterpolatingParent, protected terraformAttribute: string, protected wrapsSet: boolean) {
    super(terraformResource, terraformAttribute, wrapsSet)
  }

  /**
  * @param index the index of the item to return
  */
  public get(index: number): AppServiceBindingsOutputReference {
    return new AppServiceBindingsOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface AppSidecars {
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/app#command App#command}
  */
  readonly command?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/app#memory App#memory}
  */
  readonly memory?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/app#name App#name}
  */
  readonly name: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/app#process_types App#process_types}
  */
  readonly processTypes?: string[];
}

export function appSidecarsToTerraform(struct?: AppSidecars | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    command: cdktf.stringToTerraform(struct!.command),
    memory: cdktf.stringToTerraform(struct!.memory),
    name: cdktf.stringToTerraform(struct!.name),
    process_types: cdktf.listMapper(cdktf.stringToTerraform, false)(struct!.processTypes),
  }
}


export function appSidecarsToHclTerraform(struct?: AppSidecars | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    command: {
      value: cdktf.stringToHclTerraform(struct!.command),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    memory: {
      value: cdktf.stringToHclTerraform(struct!.memory),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    name: {
      value: cdktf.stringToHclTerraform(struct!.name),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    process_types: {
      value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(struct!.processTypes),
      isBlock: false,
      type: "set",
      storageClassType: "stringList",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class AppSidecarsOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectIndex the index of this item in the list
  * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue(): AppSidecars | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._command !== undefined) {
      hasAnyValues = true;
      internalValueResult.command = this._command;
    }
    if (this._memory !== undefined) {
      hasAnyValues = true;
      internalValueResult.memory = this._memory;
    }
    if (this._name !== undefined) {
      hasAnyValues = true;
      internalValueResult.name = this._name;
    }
    if (this._processTypes !== undefined) {
      hasAnyValues = true;
      internalValueResult.processTypes = this._processTypes;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: AppSidecars | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._command = undefined;
      this._memory = undefined;
      this._name = undefined;
      this._processTypes = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._command = value.command;
      this._memory = value.memory;
      this._name = value.name;
      this._processTypes = value.processTypes;
    }
  }

  // command - computed: false, optional: true, required: false
  private _command?: string; 
  public get command() {
    return this.getStringAttribute('command');
  }
  public set command(value: string) {
    this._command = value;
  }
  public resetCommand() {
    this._command = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get commandInput() {
    return this._command;
  }

  // memory - computed: false, optional: true, required: false
  private _memory?: string; 
  public get memory() {
    return this.getStringAttribute('memory');
  }
  public set memory(value: string) {
    this._memory = value;
  }
  public resetMemory() {
    this._memory = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get memoryInput() {
    return this._memory;
  }

  // name - computed: false, optional: false, required: true
  private _name?: string; 
  public get name() {
    return this.getStringAttribute('name');
  }
  public set name(value: string) {
    this._name = value;
  }
  // Temporarily expose input value. Use with caution.
  public get nameInput() {
    return this._name;
  }

  // process_types - computed: false, optional: true, required: false
  private _processTypes?: string[]; 
  public get processTypes() {
    return cdktf.Fn.tolist(this.getListAttribute('process_types'));
  }
  public set processTypes(value: string[]) {
    this._processTypes = value;
  }
  public resetProcessTypes() {
    this._processTypes = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get processTypesInput() {
    return this._processTypes;
  }
}

export class AppSidecarsList extends cdktf.ComplexList {
  public internalValue? : AppSidecars[] | cdktf.IResolvable

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  constructor(protected terraformResource: cdktf.IInterpolatingParent, protected terraformAttribute: string, protected wrapsSet: boolean) {
    super(terraformResource, terraformAttribute, wrapsSet)
  }

  /**
  * @param index the index of the item to return
  */
  public get(index: number): AppSidecarsOutputReference {
    return new AppSidecarsOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}

/**
* Represents a {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/app cloudfoundry_app}
*/
export class App extends cdktf.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "cloudfoundry_app";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a App resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the App to import
  * @param importFromId The id of the existing App that should be imported. Refer to the {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/app#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the App to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "cloudfoundry_app", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/cloudfoundry/cloudfoundry/latest/docs/resources/app cloudfoundry_app} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options AppConfig
  */
  public constructor(scope: Construct, id: string, config: AppConfig) {
    super(scope, id, {
      terraformResourceType: 'cloudfoundry_app',
      terraformGeneratorMetadata: {
        providerName: 'cloudfoundry'
      },
      provider: config.provider,
      dependsOn: config.dependsOn,
      count: config.count,
      lifecycle: config.lifecycle,
      provisioners: config.provisioners,
      connection: config.connection,
      forEach: config.forEach
    });
    this._annotations = config.annotations;
    this._appDeployedRunningCheckInterval = config.appDeployedRunningCheckInterval;
    this._appDeployedRunningTimeout = config.appDeployedRunningTimeout;
    this._buildpacks = config.buildpacks;
    this._command = config.command;
    this._diskQuota = config.diskQuota;
    this._dockerCredentials.internalValue = config.dockerCredentials;
    this._dockerImage = config.dockerImage;
    this._enableSsh = config.enableSsh;
    this._environment = config.environment;
    this._healthCheckHttpEndpoint = config.healthCheckHttpEndpoint;
    this._healthCheckInterval = config.healthCheckInterval;
    this._healthCheckInvocationTimeout = config.healthCheckInvocationTimeout;
    this._healthCheckType = config.healthCheckType;
    this._instances = config.instances;
    this._labels = config.labels;
    this._logRateLimitPerSecond = config.logRateLimitPerSecond;
    this._memory = config.memory;
    this._name = config.name;
    this._noRoute = config.noRoute;
    this._orgName = config.orgName;
    this._path = config.path;
    this._processes.internalValue = config.processes;
    this._randomRoute = config.randomRoute;
    this._readinessHealthCheckHttpEndpoint = config.readinessHealthCheckHttpEndpoint;
    this._readinessHealthCheckInterval = config.readinessHealthCheckInterval;
    this._readinessHealthCheckInvocationTimeout = config.readinessHealthCheckInvocationTimeout;
    this._readinessHealthCheckType = config.readinessHealthCheckType;
    this._routes.internalValue = config.routes;
    this._serviceBindings.internalValue = config.serviceBindings;
    this._sidecars.internalValue = config.sidecars;
    this._sourceCodeHash = config.sourceCodeHash;
    this._spaceName = config.spaceName;
    this._stack = config.stack;
    this._stopped = config.stopped;
    this._strategy = config.strategy;
    this._timeout = config.timeout;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // annotations - computed: false, optional: true, required: false
  private _annotations?: { [key: string]: string }; 
  public get annotations() {
    return this.getStringMapAttribute('annotations');
  }
  public set annotations(value: { [key: string]: string }) {
    this._annotations = value;
  }
  public resetAnnotations() {
    this._annotations = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get annotationsInput() {
    return this._annotations;
  }

  // app_deployed_running_check_interval - computed: false, optional: true, required: false
  private _appDeployedRunningCheckInterval?: number; 
  public get appDeployedRunningCheckInterval() {
    return this.getNumberAttribute('app_deployed_running_check_interval');
  }
  public set appDeployedRunningCheckInterval(value: number) {
    this._appDeployedRunningCheckInterval = value;
  }
  public resetAppDeployedRunningCheckInterval() {
    this._appDeployedRunningCheckInterval = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get appDeployedRunningCheckIntervalInput() {
    return this._appDeployedRunningCheckInterval;
  }

  // app_deployed_running_timeout - computed: false, optional: true, required: false
  private _appDeployedRunningTimeout?: number; 
  public get appDeployedRunningTimeout() {
    return this.getNumberAttribute('app_deployed_running_timeout');
  }
  public set appDeployedRunningTimeout(value: number) {
    this._appDeployedRunningTimeout = value;
  }
  public resetAppDeployedRunningTimeout() {
    this._appDeployedRunningTimeout = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get appDeployedRunningTimeoutInput() {
    return this._appDeployedRunningTimeout;
  }

  // buildpacks - computed: true, optional: true, required: false
  private _buildpacks?: string[]; 
  public get buildpacks() {
    return this.getListAttribute('buildpacks');
  }
  public set buildpacks(value: string[]) {
    this._buildpacks = value;
  }
  public resetBuildpacks() {
    this._buildpacks = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get buildpacksInput() {
    return this._buildpacks;
  }

  // command - computed: false, optional: true, required: false
  private _command?: string; 
  public get command() {
    return this.getStringAttribute('command');
  }
  public set command(value: string) {
    this._command = value;
  }
  public resetCommand() {
    this._command = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get commandInput() {
    return this._command;
  }

  // created_at - computed: true, optional: false, required: false
  public get createdAt() {
    return this.getStringAttribute('created_at');
  }

  // disk_quota - computed: true, optional: true, required: false
  private _diskQuota?: string; 
  public get diskQuota() {
    return this.getStringAttribute('disk_quota');
  }
  public set diskQuota(value: string) {
    this._diskQuota = value;
  }
  public resetDiskQuota() {
    this._diskQuota = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get diskQuotaInput() {
    return this._diskQuota;
  }

  // docker_credentials - computed: false, optional: true, required: false
  private _dockerCredentials = new AppDockerCredentialsOutputReference(this, "docker_credentials");
  public get dockerCredentials() {
    return this._dockerCredentials;
  }
  public putDockerCredentials(value: AppDockerCredentials) {
    this._dockerCredentials.internalValue = value;
  }
  public resetDockerCredentials() {
    this._dockerCredentials.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get dockerCredentialsInput() {
    return this._dockerCredentials.internalValue;
  }

  // docker_image - computed: false, optional: true, required: false
  private _dockerImage?: string; 
  public get dockerImage() {
    return this.getStringAttribute('docker_image');
  }
  public set dockerImage(value: string) {
    this._dockerImage = value;
  }
  public resetDockerImage() {
    this._dockerImage = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get dockerImageInput() {
    return this._dockerImage;
  }

  // enable_ssh - computed: true, optional: true, required: false
  private _enableSsh?: boolean | cdktf.IResolvable; 
  public get enableSsh() {
    return this.getBooleanAttribute('enable_ssh');
  }
  public set enableSsh(value: boolean | cdktf.IResolvable) {
    this._enableSsh = value;
  }
  public resetEnableSsh() {
    this._enableSsh = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get enableSshInput() {
    return this._enableSsh;
  }

  // environment - computed: false, optional: true, required: false
  private _environment?: { [key: string]: string }; 
  public get environment() {
    return this.getStringMapAttribute('environment');
  }
  public set environment(value: { [key: string]: string }) {
    this._environment = value;
  }
  public resetEnvironment() {
    this._environment = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get environmentInput() {
    return this._environment;
  }

  // health_check_http_endpoint - computed: false, optional: true, required: false
  private _healthCheckHttpEndpoint?: string; 
  public get healthCheckHttpEndpoint() {
    return this.getStringAttribute('health_check_http_endpoint');
  }
  public set healthCheckHttpEndpoint(value: string) {
    this._healthCheckHttpEndpoint = value;
  }
  public resetHealthCheckHttpEndpoint() {
    this._healthCheckHttpEndpoint = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get healthCheckHttpEndpointInput() {
    return this._healthCheckHttpEndpoint;
  }

  // health_check_interval - computed: false, optional: true, required: false
  private _healthCheckInterval?: number; 
  public get healthCheckInterval() {
    return this.getNumberAttribute('health_check_interval');
  }
  public set healthCheckInterval(value: number) {
    this._healthCheckInterval = value;
  }
  public resetHealthCheckInterval() {
    this._healthCheckInterval = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get healthCheckIntervalInput() {
    return this._healthCheckInterval;
  }

  // health_check_invocation_timeout - computed: false, optional: true, required: false
  private _healthCheckInvocationTimeout?: number; 
  public get healthCheckInvocationTimeout() {
    return this.getNumberAttribute('health_check_invocation_timeout');
  }
  public set healthCheckInvocationTimeout(value: number) {
    this._healthCheckInvocationTimeout = value;
  }
  public resetHealthCheckInvocationTimeout() {
    this._healthCheckInvocationTimeout = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get healthCheckInvocationTimeoutInput() {
    return this._healthCheckInvocationTimeout;
  }

  // health_check_type - computed: true, optional: true, required: false
  private _healthCheckType?: string; 
  public get healthCheckType() {
    return this.getStringAttribute('health_check_type');
  }
  public set healthCheckType(value: string) {
    this._healthCheckType = value;
  }
  public resetHealthCheckType() {
    this._healthCheckType = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get healthCheckTypeInput() {
    return this._healthCheckType;
  }

  // id - computed: true, optional: false, required: false
  public get id() {
    return this.getStringAttribute('id');
  }

  // instances - computed: true, optional: true, required: false
  private _instances?: number; 
  public get instances() {
    return this.getNumberAttribute('instances');
  }
  public set instances(value: number) {
    this._instances = value;
  }
  public resetInstances() {
    this._instances = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get instancesInput() {
    return this._instances;
  }

  // labels - computed: false, optional: true, required: false
  private _labels?: { [key: string]: string }; 
  public get labels() {
    return this.getStringMapAttribute('labels');
  }
  public set labels(value: { [key: string]: string }) {
    this._labels = value;
  }
  public resetLabels() {
    this._labels = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get labelsInput() {
    return this._labels;
  }

  // log_rate_limit_per_second - computed: true, optional: true, required: false
  private _logRateLimitPerSecond?: string; 
  public get logRateLimitPerSecond() {
    return this.getStringAttribute('log_rate_limit_per_second');
  }
  public set logRateLimitPerSecond(value: string) {
    this._logRateLimitPerSecond = value;
  }
  public resetLogRateLimitPerSecond() {
    this._logRateLimitPerSecond = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get logRateLimitPerSecondInput() {
    return this._logRateLimitPerSecond;
  }

  // memory - computed: true, optional: true, required: false
  private _memory?: string; 
  public get memory() {
    return this.getStringAttribute('memory');
  }
  public set memory(value: string) {
    this._memory = value;
  }
  public resetMemory() {
    this._memory = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get memoryInput() {
    return this._memory;
  }

  // name - computed: false, optional: false, required: true
  private _name?: string; 
  public get name() {
    return this.getStringAttribute('name');
  }
  public set name(value: string) {
    this._name = value;
  }
  // Temporarily expose input value. Use with caution.
  public get nameInput() {
    return this._name;
  }

  // no_route - computed: false, optional: true, required: false
  private _noRoute?: boolean | cdktf.IResolvable; 
  public get noRoute() {
    return this.getBooleanAttribute('no_route');
  }
  public set noRoute(value: boolean | cdktf.IResolvable) {
    this._noRoute = value;
  }
  public resetNoRoute() {
    this._noRoute = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get noRouteInput() {
    return this._noRoute;
  }

  // org_name - computed: false, optional: false, required: true
  private _orgName?: string; 
  public get orgName() {
    return this.getStringAttribute('org_name');
  }
  public set orgName(value: string) {
    this._orgName = value;
  }
  // Temporarily expose input value. Use with caution.
  public get orgNameInput() {
    return this._orgName;
  }

  // path - computed: false, optional: true, required: false
  private _path?: string; 
  public get path() {
    return this.getStringAttribute('path');
  }
  public set path(value: string) {
    this._path = value;
  }
  public resetPath() {
    this._path = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get pathInput() {
    return this._path;
  }

  // processes - computed: false, optional: true, required: false
  private _processes = new AppProcessesList(this, "processes", true);
  public get processes() {
    return this._processes;
  }
  public putProcesses(value: AppProcesses[] | cdktf.IResolvable) {
    this._processes.internalValue = value;
  }
  public resetProcesses() {
    this._processes.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get processesInput() {
    return this._processes.internalValue;
  }

  // random_route - computed: false, optional: true, required: false
  private _randomRoute?: boolean | cdktf.IResolvable; 
  public get randomRoute() {
    return this.getBooleanAttribute('random_route');
  }
  public set randomRoute(value: boolean | cdktf.IResolvable) {
    this._randomRoute = value;
  }
  public resetRandomRoute() {
    this._randomRoute = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get randomRouteInput() {
    return this._randomRoute;
  }

  // readiness_health_check_http_endpoint - computed: false, optional: true, required: false
  private _readinessHealthCheckHttpEndpoint?: string; 
  public get readinessHealthCheckHttpEndpoint() {
    return this.getStringAttribute('readiness_health_check_http_endpoint');
  }
  public set readinessHealthCheckHttpEndpoint(value: string) {
    this._readinessHealthCheckHttpEndpoint = value;
  }
  public resetReadinessHealthCheckHttpEndpoint() {
    this._readinessHealthCheckHttpEndpoint = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get readinessHealthCheckHttpEndpointInput() {
    return this._readinessHealthCheckHttpEndpoint;
  }

  // readiness_health_check_interval - computed: false, optional: true, required: false
  private _readinessHealthCheckInterval?: number; 
  public get readinessHealthCheckInterval() {
    return this.getNumberAttribute('readiness_health_check_interval');
  }
  public set readinessHealthCheckInterval(value: number) {
    this._readinessHealthCheckInterval = value;
  }
  public resetReadinessHealthCheckInterval() {
    this._readinessHealthCheckInterval = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get readinessHealthCheckIntervalInput() {
    return this._readinessHealthCheckInterval;
  }

  // readiness_health_check_invocation_timeout - computed: false, optional: true, required: false
  private _readinessHealthCheckInvocationTimeout?: number; 
  public get readinessHealthCheckInvocationTimeout() {
    return this.getNumberAttribute('readiness_health_check_invocation_timeout');
  }
  public set readinessHealthCheckInvocationTimeout(value: number) {
    this._readinessHealthCheckInvocationTimeout = value;
  }
  public resetReadinessHealthCheckInvocationTimeout() {
    this._readinessHealthCheckInvocationTimeout = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get readinessHealthCheckInvocationTimeoutInput() {
    return this._readinessHealthCheckInvocationTimeout;
  }

  // readiness_health_check_type - computed: true, optional: true, required: false
  private _readinessHealthCheckType?: string; 
  public get readinessHealthCheckType() {
    return this.getStringAttribute('readiness_health_check_type');
  }
  public set readinessHealthCheckType(value: string) {
    this._readinessHealthCheckType = value;
  }
  public resetReadinessHealthCheckType() {
    this._readinessHealthCheckType = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get readinessHealthCheckTypeInput() {
    return this._readinessHealthCheckType;
  }

  // routes - computed: true, optional: true, required: false
  private _routes = new AppRoutesList(this, "routes", true);
  public get routes() {
    return this._routes;
  }
  public putRoutes(value: AppRoutes[] | cdktf.IResolvable) {
    this._routes.internalValue = value;
  }
  public resetRoutes() {
    this._routes.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get routesInput() {
    return this._routes.internalValue;
  }

  // service_bindings - computed: true, optional: true, required: false
  private _serviceBindings = new AppServiceBindingsList(this, "service_bindings", true);
  public get serviceBindings() {
    return this._serviceBindings;
  }
  public putServiceBindings(value: AppServiceBindings[] | cdktf.IResolvable) {
    this._serviceBindings.internalValue = value;
  }
  public resetServiceBindings() {
    this._serviceBindings.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get serviceBindingsInput() {
    return this._serviceBindings.internalValue;
  }

  // sidecars - computed: false, optional: true, required: false
  private _sidecars = new AppSidecarsList(this, "sidecars", true);
  public get sidecars() {
    return this._sidecars;
  }
  public putSidecars(value: AppSidecars[] | cdktf.IResolvable) {
    this._sidecars.internalValue = value;
  }
  public resetSidecars() {
    this._sidecars.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get sidecarsInput() {
    return this._sidecars.internalValue;
  }

  // source_code_hash - computed: false, optional: true, required: false
  private _sourceCodeHash?: string; 
  public get sourceCodeHash() {
    return this.getStringAttribute('source_code_hash');
  }
  public set sourceCodeHash(value: string) {
    this._sourceCodeHash = value;
  }
  public resetSourceCodeHash() {
    this._sourceCodeHash = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get sourceCodeHashInput() {
    return this._sourceCodeHash;
  }

  // space_name - computed: false, optional: false, required: true
  private _spaceName?: string; 
  public get spaceName() {
    return this.getStringAttribute('space_name');
  }
  public set spaceName(value: string) {
    this._spaceName = value;
  }
  // Temporarily expose input value. Use with caution.
  public get spaceNameInput() {
    return this._spaceName;
  }

  // stack - computed: true, optional: true, required: false
  private _stack?: string; 
  public get stack() {
    return this.getStringAttribute('stack');
  }
  public set stack(value: string) {
    this._stack = value;
  }
  public resetStack() {
    this._stack = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get stackInput() {
    return this._stack;
  }

  // stopped - computed: true, optional: true, required: false
  private _stopped?: boolean | cdktf.IResolvable; 
  public get stopped() {
    return this.getBooleanAttribute('stopped');
  }
  public set stopped(value: boolean | cdktf.IResolvable) {
    this._stopped = value;
  }
  public resetStopped() {
    this._stopped = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get stoppedInput() {
    return this._stopped;
  }

  // strategy - computed: false, optional: true, required: false
  private _strategy?: string; 
  public get strategy() {
    return this.getStringAttribute('strategy');
  }
  public set strategy(value: string) {
    this._strategy = value;
  }
  public resetStrategy() {
    this._strategy = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get strategyInput() {
    return this._strategy;
  }

  // timeout - computed: false, optional: true, required: false
  private _timeout?: number; 
  public get timeout() {
    return this.getNumberAttribute('timeout');
  }
  public set timeout(value: number) {
    this._timeout = value;
  }
  public resetTimeout() {
    this._timeout = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get timeoutInput() {
    return this._timeout;
  }

  // updated_at - computed: true, optional: false, required: false
  public get updatedAt() {
    return this.getStringAttribute('updated_at');
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      annotations: cdktf.hashMapper(cdktf.stringToTerraform)(this._annotations),
      app_deployed_running_check_interval: cdktf.numberToTerraform(this._appDeployedRunningCheckInterval),
      app_deployed_running_timeout: cdktf.numberToTerraform(this._appDeployedRunningTimeout),
      buildpacks: cdktf.listMapper(cdktf.stringToTerraform, false)(this._buildpacks),
      command: cdktf.stringToTerraform(this._command),
      disk_quota: cdktf.stringToTerraform(this._diskQuota),
      docker_credentials: appDockerCredentialsToTerraform(this._dockerCredentials.internalValue),
      docker_image: cdktf.stringToTerraform(this._dockerImage),
      enable_ssh: cdktf.booleanToTerraform(this._enableSsh),
      environment: cdktf.hashMapper(cdktf.stringToTerraform)(this._environment),
      health_check_http_endpoint: cdktf.stringToTerraform(this._healthCheckHttpEndpoint),
      health_check_interval: cdktf.numberToTerraform(this._healthCheckInterval),
      health_check_invocation_timeout: cdktf.numberToTerraform(this._healthCheckInvocationTimeout),
      health_check_type: cdktf.stringToTerraform(this._healthCheckType),
      instances: cdktf.numberToTerraform(this._instances),
      labels: cdktf.hashMapper(cdktf.stringToTerraform)(this._labels),
      log_rate_limit_per_second: cdktf.stringToTerraform(this._logRateLimitPerSecond),
      memory: cdktf.stringToTerraform(this._memory),
      name: cdktf.stringToTerraform(this._name),
      no_route: cdktf.booleanToTerraform(this._noRoute),
      org_name: cdktf.stringToTerraform(this._orgName),
      path: cdktf.stringToTerraform(this._path),
      processes: cdktf.listMapper(appProcessesToTerraform, false)(this._processes.internalValue),
      random_route: cdktf.booleanToTerraform(this._randomRoute),
      readiness_health_check_http_endpoint: cdktf.stringToTerraform(this._readinessHealthCheckHttpEndpoint),
      readiness_health_check_interval: cdktf.numberToTerraform(this._readinessHealthCheckInterval),
      readiness_health_check_invocation_timeout: cdktf.numberToTerraform(this._readinessHealthCheckInvocationTimeout),
      readiness_health_check_type: cdktf.stringToTerraform(this._readinessHealthCheckType),
      routes: cdktf.listMapper(appRoutesToTerraform, false)(this._routes.internalValue),
      service_bindings: cdktf.listMapper(appServiceBindingsToTerraform, false)(this._serviceBindings.internalValue),
      sidecars: cdktf.listMapper(appSidecarsToTerraform, false)(this._sidecars.internalValue),
      source_code_hash: cdktf.stringToTerraform(this._sourceCodeHash),
      space_name: cdktf.stringToTerraform(this._spaceName),
      stack: cdktf.stringToTerraform(this._stack),
      stopped: cdktf.booleanToTerraform(this._stopped),
      strategy: cdktf.stringToTerraform(this._strategy),
      timeout: cdktf.numberToTerraform(this._timeout),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      annotations: {
        value: cdktf.hashMapperHcl(cdktf.stringToHclTerraform)(this._annotations),
        isBlock: false,
        type: "map",
        storageClassType: "stringMap",
      },
      app_deployed_running_check_interval: {
        value: cdktf.numberToHclTerraform(this._appDeployedRunningCheckInterval),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      app_deployed_running_timeout: {
        value: cdktf.numberToHclTerraform(this._appDeployedRunningTimeout),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      buildpacks: {
        value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(this._buildpacks),
        isBlock: false,
        type: "list",
        storageClassType: "stringList",
      },
      command: {
        value: cdktf.stringToHclTerraform(this._command),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      disk_quota: {
        value: cdktf.stringToHclTerraform(this._diskQuota),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      docker_credentials: {
        value: appDockerCredentialsToHclTerraform(this._dockerCredentials.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "AppDockerCredentials",
      },
      docker_image: {
        value: cdktf.stringToHclTerraform(this._dockerImage),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      enable_ssh: {
        value: cdktf.booleanToHclTerraform(this._enableSsh),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      environment: {
        value: cdktf.hashMapperHcl(cdktf.stringToHclTerraform)(this._environment),
        isBlock: false,
        type: "map",
        storageClassType: "stringMap",
      },
      health_check_http_endpoint: {
        value: cdktf.stringToHclTerraform(this._healthCheckHttpEndpoint),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      health_check_interval: {
        value: cdktf.numberToHclTerraform(this._healthCheckInterval),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      health_check_invocation_timeout: {
        value: cdktf.numberToHclTerraform(this._healthCheckInvocationTimeout),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      health_check_type: {
        value: cdktf.stringToHclTerraform(this._healthCheckType),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      instances: {
        value: cdktf.numberToHclTerraform(this._instances),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      labels: {
        value: cdktf.hashMapperHcl(cdktf.stringToHclTerraform)(this._labels),
        isBlock: false,
        type: "map",
        storageClassType: "stringMap",
      },
      log_rate_limit_per_second: {
        value: cdktf.stringToHclTerraform(this._logRateLimitPerSecond),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      memory: {
        value: cdktf.stringToHclTerraform(this._memory),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      name: {
        value: cdktf.stringToHclTerraform(this._name),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      no_route: {
        value: cdktf.booleanToHclTerraform(this._noRoute),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      org_name: {
        value: cdktf.stringToHclTerraform(this._orgName),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      path: {
        value: cdktf.stringToHclTerraform(this._path),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      processes: {
        value: cdktf.listMapperHcl(appProcessesToHclTerraform, false)(this._processes.internalValue),
        isBlock: true,
        type: "set",
        storageClassType: "AppProcessesList",
      },
      random_route: {
        value: cdktf.booleanToHclTerraform(this._randomRoute),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      readiness_health_check_http_endpoint: {
        value: cdktf.stringToHclTerraform(this._readinessHealthCheckHttpEndpoint),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      readiness_health_check_interval: {
        value: cdktf.numberToHclTerraform(this._readinessHealthCheckInterval),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      readiness_health_check_invocation_timeout: {
        value: cdktf.numberToHclTerraform(this._readinessHealthCheckInvocationTimeout),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      readiness_health_check_type: {
        value: cdktf.stringToHclTerraform(this._readinessHealthCheckType),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      routes: {
        value: cdktf.listMapperHcl(appRoutesToHclTerraform, false)(this._routes.internalValue),
        isBlock: true,
        type: "set",
        storageClassType: "AppRoutesList",
      },
      service_bindings: {
        value: cdktf.listMapperHcl(appServiceBindingsToHclTerraform, false)(this._serviceBindings.internalValue),
        isBlock: true,
        type: "set",
        storageClassType: "AppServiceBindingsList",
      },
      sidecars: {
        value: cdktf.listMapperHcl(appSidecarsToHclTerraform, false)(this._sidecars.internalValue),
        isBlock: true,
        type: "set",
        storageClassType: "AppSidecarsList",
      },
      source_code_hash: {
        value: cdktf.stringToHclTerraform(this._sourceCodeHash),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      space_name: {
        value: cdktf.stringToHclTerraform(this._spaceName),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      stack: {
        value: cdktf.stringToHclTerraform(this._stack),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      stopped: {
        value: cdktf.booleanToHclTerraform(this._stopped),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      strategy: {
        value: cdktf.stringToHclTerraform(this._strategy),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      timeout: {
        value: cdktf.numberToHclTerraform(this._timeout),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
