"""Deploys {{name}} to a SageMaker real-time endpoint.

CreateModel (the image and the model artifact), CreateEndpointConfig (with data capture, for monitoring the
model's inputs and outputs), CreateEndpoint (or UpdateEndpoint when it exists), waits until it is InService, then
registers target-tracking autoscaling on invocations per instance.

Usage:
  python deploy.py --role-arn arn:aws:iam::123456789012:role/SageMakerExecution \\
      --image-uri 123456789012.dkr.ecr.us-east-1.amazonaws.com/{{name}}:{{imageTag}} \\
      --model-data s3://bucket/{{name}}/model.tar.gz --capture-s3 s3://bucket/{{name}}/capture
The execution role is always given explicitly: SageMaker assumes it to pull the image and read the model.
"""

from __future__ import annotations

import argparse
import time

import boto3
from botocore.exceptions import ClientError

NAME = "{{name}}"
# SageMaker's limit on model, endpoint configuration and endpoint names.
MAX_NAME_LENGTH = 63


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--role-arn", required=True, help="the SageMaker execution role's ARN")
    parser.add_argument("--image-uri", required=True, help="the image in ECR, with its tag")
    parser.add_argument("--model-data", required=True, help="s3:// URL of model.tar.gz (holding {{modelFile}})")
    parser.add_argument("--capture-s3", required=True, help="s3:// prefix where data capture writes requests and responses")
    parser.add_argument("--region", default="us-east-1")
    parser.add_argument("--instance-type", default="{{#if gpu}}ml.g5.xlarge{{else}}ml.m5.large{{/if}}")
    parser.add_argument("--instance-count", type=int, default=1)
    parser.add_argument("--max-instances", type=int, default=4)
    parser.add_argument("--invocations-per-instance", type=float, default=100.0, help="autoscaling target, per minute")
    parser.add_argument("--capture-percent", type=int, default=20)
    parser.add_argument("--endpoint-url", default=None, help="another SageMaker API endpoint (a local emulator in tests)")
    return parser.parse_args(argv)


def versioned_name(version: str) -> str:
    """NAME-version, cut to SageMaker's 63 characters for model and configuration names, never ending in a hyphen."""
    return f"{NAME[: MAX_NAME_LENGTH - len(version) - 1].rstrip('-')}-{version}"


def endpoint_exists(sagemaker) -> bool:
    # DescribeEndpoint asks for the one name; ListEndpoints(NameContains) pages, and would miss it past the first page.
    try:
        sagemaker.describe_endpoint(EndpointName=NAME)
    except ClientError as error:
        if error.response["Error"]["Code"] == "ValidationException":
            return False
        raise
    return True


def deploy(args: argparse.Namespace, session: boto3.session.Session | None = None) -> str:
    session = session or boto3.session.Session(region_name=args.region)
    sagemaker = session.client("sagemaker", endpoint_url=args.endpoint_url)
    # A new model and configuration per deployment, so the previous ones remain to roll back to.
    version = time.strftime("%Y%m%d-%H%M%S")
    model_name = config_name = versioned_name(version)
    sagemaker.create_model(
        ModelName=model_name,
        ExecutionRoleArn=args.role_arn,
        PrimaryContainer={"Image": args.image_uri, "ModelDataUrl": args.model_data, "Environment": {"MODEL_PATH": "/opt/ml/model/{{modelFile}}"}},
    )
    sagemaker.create_endpoint_config(
        EndpointConfigName=config_name,
        ProductionVariants=[
            {
                "VariantName": "AllTraffic",
                "ModelName": model_name,
                "InstanceType": args.instance_type,
                "InitialInstanceCount": args.instance_count,
            }
        ],
        DataCaptureConfig={
            "EnableCapture": True,
            "InitialSamplingPercentage": args.capture_percent,
            "DestinationS3Uri": args.capture_s3,
            "CaptureOptions": [{"CaptureMode": "Input"}, {"CaptureMode": "Output"}],
        },
    )
    if endpoint_exists(sagemaker):
        sagemaker.update_endpoint(EndpointName=NAME, EndpointConfigName=config_name)
    else:
        sagemaker.create_endpoint(EndpointName=NAME, EndpointConfigName=config_name)
    sagemaker.get_waiter("endpoint_in_service").wait(EndpointName=NAME, WaiterConfig={"Delay": 30, "MaxAttempts": 60})
    autoscale(session, args)
    return NAME


def autoscale(session: boto3.session.Session, args: argparse.Namespace) -> None:
    scaling = session.client("application-autoscaling", endpoint_url=args.endpoint_url)
    resource = f"endpoint/{NAME}/variant/AllTraffic"
    scaling.register_scalable_target(
        ServiceNamespace="sagemaker",
        ResourceId=resource,
        ScalableDimension="sagemaker:variant:DesiredInstanceCount",
        MinCapacity=args.instance_count,
        MaxCapacity=args.max_instances,
    )
    scaling.put_scaling_policy(
        PolicyName=f"{NAME}-invocations",
        ServiceNamespace="sagemaker",
        ResourceId=resource,
        ScalableDimension="sagemaker:variant:DesiredInstanceCount",
        PolicyType="TargetTrackingScaling",
        TargetTrackingScalingPolicyConfiguration={
            "TargetValue": args.invocations_per_instance,
            "PredefinedMetricSpecification": {"PredefinedMetricType": "SageMakerVariantInvocationsPerInstance"},
            "ScaleInCooldown": 300,
            "ScaleOutCooldown": 60,
        },
    )


if __name__ == "__main__":
    print(f"endpoint {deploy(parse_args())} is InService")
